package dev.machinemarkets.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.PolicyCreated;
import dev.machinemarkets.schemas.state.PolicyState;

/**
 * A: events per second the audit sink stores, from the moment they are on the topic until the last is in
 * the audit collection; M: the same documents inserted straight into the same store in batches of 500. Both
 * count the time until the store has also written them back to its file, which it does after answering.
 */
final class AuditIngest {

    private static final int BATCH = 500;
    private static final long PROCESS_NONCE = System.nanoTime();
    /** M copies this many of the audit sink's documents, over and over. */
    private static final int TEMPLATES = 500;

    private AuditIngest() {
    }

    static Measurement sink(String bootstrap, String mongoUri, String database, ProcessMeter stack, int events, int run) {
        String type = typeOf(run);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (MongoClient mongo = MongoClients.create(mongoUri);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            MongoCollection<Document> audit = mongo.getDatabase(database).getCollection("audit_events");
            List<byte[]> encoded = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                encoded.add(Topics.EVENT_SERDE.encode(event(type, i)));
            }
            producer.partitionsFor(Topics.POLICY_EVENTS.name());
            CpuWindow window = new CpuWindow(stack);
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(Topics.POLICY_EVENTS.name(), "pol_bench_" + i, encoded.get(i)));
            }
            producer.flush();
            // Watch the audit sink's committed offsets rather than count documents: a count is a scan of the
            // audit collection in the embedded store and would load the very thing being measured.
            awaitCaughtUp(bootstrap, "mmo-audit-sink", Topics.POLICY_EVENTS.name());
            Measurement measured = window.rateIncludingWriteBehind(events, ProcessMeter.QUIET_CORES, ProcessMeter.QUIET_WAIT);
            long stored = stored(audit, type, events);
            return measured.with("events", events).with("stored", stored);
        }
    }

    private static void awaitCaughtUp(String bootstrap, String group, String topic) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (true) {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> committed.containsKey(e.getKey())
                        && committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (caughtUp) {
                    return;
                }
                StackProcess.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * M: inserts copies, under new ids, of documents the audit sink stored (those of {@code templateType}), so
     * that they are the very documents A stores, field for field.
     */
    static Measurement direct(String mongoUri, String database, ProcessMeter stack, int events, int run, String templateType) {
        String type = "benchmark.direct." + run + "." + System.nanoTime();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            List<Document> templates = mongo.getDatabase(database).getCollection("audit_events")
                    .find(Filters.in("_id", eventIds(templateType, 0, TEMPLATES))).into(new ArrayList<>());
            if (templates.isEmpty()) {
                throw new IllegalStateException("no audit documents of type " + templateType + " to copy");
            }
            MongoCollection<Document> target = mongo.getDatabase(database).getCollection("benchmark_direct");
            List<Document> documents = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                String id = eventId(type, i);
                documents.add(new Document(templates.get(i % templates.size())).append("_id", id).append("id", id).append("type", type));
            }
            CpuWindow window = new CpuWindow(stack);
            for (int i = 0; i < events; i += BATCH) {
                target.insertMany(documents.subList(i, Math.min(events, i + BATCH)), new InsertManyOptions().ordered(false));
            }
            return window.rateIncludingWriteBehind(events, ProcessMeter.QUIET_CORES, ProcessMeter.QUIET_WAIT)
                    .with("events", events).with("batch", BATCH);
        }
    }

    /**
     * How many of a run's events are in the audit collection, looked up by id in chunks: the embedded store answers
     * a filter on any other field by collecting every matching document in memory, which for a run of 50,000
     * events ran the stack out of heap.
     */
    private static long stored(MongoCollection<Document> audit, String type, int events) {
        long stored = 0;
        for (int from = 0; from < events; from += BATCH) {
            // a find, not countDocuments: the store answers a count with an aggregation, which scans the collection
            stored += audit.find(Filters.in("_id", eventIds(type, from, Math.min(events, from + BATCH))))
                    .projection(new Document("_id", 1)).into(new ArrayList<>()).size();
        }
        return stored;
    }

    private static List<String> eventIds(String type, int from, int to) {
        List<String> ids = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ids.add(eventId(type, i));
        }
        return ids;
    }

    private static String eventId(String type, int i) {
        return "evt_" + type + "_" + i;
    }

    /** The event type of a run, under which its audit documents are stored; unique to this benchmark process. */
    static String typeOf(int run) {
        return "benchmark.audit." + run + "." + PROCESS_NONCE;
    }

    private static EventEnvelope event(String type, int i) {
        Instant now = Instant.now();
        String id = "pol_bench_" + type + "_" + i;
        PolicyState policy = PolicyState.newBuilder().setId(id).setName("bench").setCreatedAt(now).setUpdatedAt(now).build();
        return EventEnvelope.newBuilder().setEventId(eventId(type, i)).setType(type).setActor("system:benchmark")
                .setResourceType("policy").setResourceId(id).setCreatedAt(now).setPayload(new PolicyCreated(policy)).build();
    }
}
