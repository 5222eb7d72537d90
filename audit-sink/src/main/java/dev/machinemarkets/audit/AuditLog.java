package dev.machinemarkets.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.kafka.EventPublisher;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.DuplicateKeys;
import dev.machinemarkets.schemas.events.EventEnvelope;

/**
 * The audit collection. The event id is the document id, so an event delivered twice (a redelivery
 * after a crash, a replay) is stored once: the duplicate key is the expected outcome, not an error.
 */
@Component
public class AuditLog {

    private final MongoCollection<Document> audit;

    public AuditLog(MongoDatabase database) {
        this.audit = database.getCollection(Collections.AUDIT_EVENTS);
        audit.createIndex(Indexes.compoundIndex(Indexes.ascending("resourceType", "resourceId"), Indexes.descending("_id")),
                new IndexOptions().name("by_resource"));
        audit.createIndex(Indexes.compoundIndex(Indexes.ascending("type"), Indexes.descending("_id")),
                new IndexOptions().name("by_type"));
    }

    /** Stores a batch in one round trip; returns how many events were new. */
    public int store(List<ConsumerRecord<String, EventEnvelope>> records) {
        List<Document> documents = new ArrayList<>(records.size());
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            documents.add(toDocument(record));
        }
        if (documents.isEmpty()) {
            return 0;
        }
        return DuplicateKeys.ignored(documents.size(), () -> audit.insertMany(documents, new InsertManyOptions().ordered(false)));
    }

    static Document toDocument(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        Header traceparent = record.headers().lastHeader(EventPublisher.TRACEPARENT_HEADER);
        return new Document("_id", event.getEventId())
                .append("id", event.getEventId())
                .append("actor", event.getActor())
                .append("type", event.getType())
                .append("resourceType", event.getResourceType())
                .append("resourceId", event.getResourceId())
                .append("machineId", event.getMachineId())
                .append("payload", AvroDocuments.toDocument((org.apache.avro.generic.IndexedRecord) event.getPayload()))
                .append("createdAt", Date.from(event.getCreatedAt()))
                .append("_traceparent", traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8))
                .append("_source", record.topic() + "/" + record.partition() + "/" + record.offset());
    }
}
