package dev.machinemarkets.gateway.agents;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.PageRequest;

/** Reads of the machine-agents view. */
@Component
class AgentViews {

    private final MongoCollection<Document> agents;

    AgentViews(MongoDatabase database) {
        this.agents = database.getCollection(Collections.MACHINE_AGENTS);
    }

    /** The agent, only if it belongs to that machine: another machine's agent is not found. */
    Optional<Document> find(String machineId, String agentId) {
        return ViewStore.findLive(agents, agentId, "machineId", machineId);
    }

    List<Document> page(String machineId, PageRequest page) {
        return ViewStore.page(agents, Filters.eq("machineId", machineId), page);
    }
}
