package dev.machinemarkets.gateway.machines;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ErrorCode;

/**
 * Keeps identityRef unique across machines. Kafka cannot refuse a duplicate, so the claim is taken
 * in MongoDB (a unique _id) before the machine.created event is written, and given back if that
 * write fails.
 */
@Component
class IdentityClaims {

    private final MongoCollection<Document> claims;

    IdentityClaims(MongoDatabase database) {
        this.claims = database.getCollection(Collections.IDENTITY_CLAIMS);
    }

    void claim(String identityRef, String machineId, Instant at) {
        try {
            claims.insertOne(new Document("_id", IdentityRefs.canonical(identityRef))
                    .append("machineId", machineId).append("claimedAt", Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ApiException(ErrorCode.MACHINE_IDENTITY_EXISTS,
                        "identityRef " + identityRef + " is already registered to another machine");
            }
            throw e;
        }
    }

    void release(String identityRef, String machineId) {
        claims.deleteOne(Filters.and(Filters.eq("_id", IdentityRefs.canonical(identityRef)), Filters.eq("machineId", machineId)));
    }
}
