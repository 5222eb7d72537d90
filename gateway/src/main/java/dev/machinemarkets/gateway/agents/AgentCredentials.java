package dev.machinemarkets.gateway.agents;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;

/** The hash of each agent's token, kept out of the event log and out of every view. */
@Component
class AgentCredentials {

    private final MongoCollection<Document> credentials;

    AgentCredentials(MongoDatabase database) {
        this.credentials = database.getCollection(Collections.AGENT_CREDENTIALS);
    }

    void store(String agentId, String machineId, String token, Instant at) {
        credentials.insertOne(new Document("_id", agentId).append("machineId", machineId)
                .append("tokenHash", AgentTokens.hash(token)).append("createdAt", Date.from(at)));
    }

    boolean verify(String agentId, String machineId, String presentedToken) {
        Document stored = ViewStore.findLive(credentials, agentId, "machineId", machineId).orElse(null);
        return AgentTokens.matches(presentedToken, stored == null ? null : stored.getString("tokenHash"));
    }
}
