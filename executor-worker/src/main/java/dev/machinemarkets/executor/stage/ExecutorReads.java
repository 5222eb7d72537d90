package dev.machinemarkets.executor.stage;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.secrets.SecretBox;
import dev.machinemarkets.platform.views.Liveness;

/** What the executor reads: the task, its route, services, live endpoints and their secrets; and the executions it answered. */
@Component
class ExecutorReads {

    private final MongoDatabase database;
    private final SecretBox secrets;

    ExecutorReads(MongoDatabase database, SecretBox secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    Optional<Document> byId(String collection, String id) {
        return ViewStore.findLive(database.getCollection(collection), id);
    }

    Optional<Document> discoveryCandidate(String taskId, String serviceId) {
        return byId(Collections.TASK_DISCOVERIES, taskId).flatMap(discovery -> discovery.get("result", Document.class)
                .getList("candidates", Document.class).stream()
                .filter(c -> serviceId.equals(c.get("service", Document.class).getString("id"))).findFirst());
    }

    /** The endpoint of that provider on the machine, if it is live now ({@link Liveness#isLive}). */
    Optional<Document> liveEndpoint(String machineId, String providerKey, Instant now) {
        return byId(Collections.RUNTIME_ENDPOINTS, machineId + ":" + providerKey).filter(endpoint -> Liveness.isLive(endpoint, now));
    }

    String authToken(String machineId, String providerKey) {
        Document secret = database.getCollection(Collections.ENDPOINT_SECRETS).find(Filters.eq("_id", machineId + ":" + providerKey)).first();
        return secret == null ? null : secrets.open(secret.getString("authToken"));
    }

    Optional<Document> execution(String key) {
        return Optional.ofNullable(database.getCollection(Collections.EXECUTIONS).find(Filters.eq("_id", key)).first());
    }

    /** Keeps the first answer of an execution; a second one under the same key is dropped. */
    void rememberExecution(String key, int httpStatus, String body, Instant at) {
        MongoCollection<Document> executions = database.getCollection(Collections.EXECUTIONS);
        try {
            executions.insertOne(new Document("_id", key).append("httpStatus", httpStatus).append("body", body).append("at", Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
