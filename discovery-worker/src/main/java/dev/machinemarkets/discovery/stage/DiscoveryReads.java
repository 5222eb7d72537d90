package dev.machinemarkets.discovery.stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.views.Liveness;

/** What discovery reads from the views: the task, its machine, the catalogue and the machine's live runtimes. */
@Component
class DiscoveryReads {

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> machines;
    private final MongoCollection<Document> services;
    private final MongoCollection<Document> endpoints;

    DiscoveryReads(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.machines = database.getCollection(Collections.MACHINES);
        this.services = database.getCollection(Collections.SERVICES);
        this.endpoints = database.getCollection(Collections.RUNTIME_ENDPOINTS);
    }

    Optional<Document> task(String taskId) {
        return Optional.ofNullable(tasks.find(Filters.and(Filters.eq("_id", taskId), ViewStore.live())).first());
    }

    Optional<Document> machine(String machineId) {
        return Optional.ofNullable(machines.find(Filters.and(Filters.eq("_id", machineId), ViewStore.live())).first());
    }

    List<Document> services(String serviceType) {
        return services.find(Filters.and(Filters.eq("serviceType", serviceType), ViewStore.live())).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    /** Provider keys with a live endpoint on the machine ({@link Liveness#isLive}). */
    Set<String> liveProviderKeys(String machineId, Instant now) {
        Set<String> live = new HashSet<>();
        for (Document endpoint : endpoints.find(Filters.and(Filters.eq("machineId", machineId), ViewStore.live()))) {
            if (Liveness.isLive(endpoint, now)) {
                live.add(endpoint.getString("providerKey"));
            }
        }
        return live;
    }
}
