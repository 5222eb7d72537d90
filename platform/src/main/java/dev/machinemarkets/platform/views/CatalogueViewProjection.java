package dev.machinemarkets.platform.views;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewWrites;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.ServiceDeleted;
import dev.machinemarkets.schemas.events.ServiceUpserted;
import dev.machinemarkets.schemas.events.SkillUpserted;

/** Applies catalogue events to the skills and services views. */
public class CatalogueViewProjection implements ViewProjection {

    private final MongoCollection<Document> skills;
    private final MongoCollection<Document> services;

    public CatalogueViewProjection(MongoDatabase database) {
        this.skills = database.getCollection(Collections.SKILLS);
        this.services = database.getCollection(Collections.SERVICES);
    }

    @Override
    public void apply(EventEnvelope event, long offset, ViewWrites views) {
        Object payload = event.getPayload();
        if (payload instanceof SkillUpserted upserted) {
            views.applyIfNewer(skills, upserted.getSkill().getKey(), AvroDocuments.toDocument(upserted.getSkill()), offset);
        } else if (payload instanceof ServiceUpserted upserted) {
            views.applyIfNewer(services, upserted.getService().getId(), AvroDocuments.toDocument(upserted.getService()), offset);
        } else if (payload instanceof ServiceDeleted deleted) {
            views.deleteIfNewer(services, deleted.getServiceId(), offset);
        }
    }
}
