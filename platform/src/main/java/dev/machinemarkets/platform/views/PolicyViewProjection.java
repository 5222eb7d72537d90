package dev.machinemarkets.platform.views;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewWrites;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.PolicyCreated;
import dev.machinemarkets.schemas.events.PolicyUpdated;
import dev.machinemarkets.schemas.state.PolicyState;

public class PolicyViewProjection implements ViewProjection {

    private final MongoCollection<Document> policies;

    public PolicyViewProjection(MongoDatabase database) {
        this.policies = database.getCollection(Collections.POLICIES);
    }

    @Override
    public void apply(EventEnvelope event, long offset, ViewWrites views) {
        PolicyState policy = event.getPayload() instanceof PolicyCreated created ? created.getPolicy()
                : event.getPayload() instanceof PolicyUpdated updated ? updated.getPolicy() : null;
        if (policy != null) {
            views.applyIfNewer(policies, policy.getId(), AvroDocuments.toDocument(policy), offset);
        }
    }
}
