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
        return ViewStore.findLive(tasks, taskId);
    }

    Optional<Document> machine(String machineId) {
        return ViewStore.findLive(machines, machineId);
    }

    List<Document> services(String serviceType) {
        return services.find(Filters.and(Filters.eq("serviceType", serviceType), ViewStore.live())).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    /**
     * Which of the given provider keys have a live endpoint on the machine ({@link Liveness#isLive}). An
     * endpoint's id is machineId:providerKey, so each is one lookup by id rather than a scan.
     */
    Set<String> liveProviderKeys(String machineId, Set<String> providerKeys, Instant now) {
        Set<String> live = new HashSet<>();
        for (String providerKey : providerKeys) {
            Document endpoint = ViewStore.findLive(endpoints, machineId + ":" + providerKey).orElse(null);
            if (endpoint != null && Liveness.isLive(endpoint, now)) {
                live.add(providerKey);
            }
        }
        return live;
    }
}
