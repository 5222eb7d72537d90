package dev.machinemarkets.gateway.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

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
        var filter = Filters.and(Filters.eq("machineId", machineId), ViewStore.live());
        if (page.after() != null) {
            filter = Filters.and(filter, Filters.gt("_id", page.after()));
        }
        return agents.find(filter).sort(Sorts.ascending("_id")).limit(page.limit() + 1).into(new ArrayList<>());
    }
}
