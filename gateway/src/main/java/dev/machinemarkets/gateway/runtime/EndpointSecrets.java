package dev.machinemarkets.gateway.runtime;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import dev.machinemarkets.platform.views.MachineViewProjection;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.secrets.SecretBox;

/** Runtime endpoint auth tokens, encrypted at rest, outside the event log. */
@Component
class EndpointSecrets {

    private final MongoCollection<Document> secrets;
    private final SecretBox box;

    EndpointSecrets(MongoDatabase database, SecretBox box) {
        this.secrets = database.getCollection(Collections.ENDPOINT_SECRETS);
        this.box = box;
    }

    void store(String machineId, String providerKey, String token, Instant at) {
        String key = MachineViewProjection.endpointKey(machineId, providerKey);
        secrets.replaceOne(Filters.eq("_id", key),
                new Document("_id", key).append("authToken", box.seal(token)).append("updatedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    void remove(String machineId, String providerKey) {
        secrets.deleteOne(Filters.eq("_id", MachineViewProjection.endpointKey(machineId, providerKey)));
    }
}
