package dev.machinemarkets.resolver.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;

/** What the resolver reads from the views. */
@Component
class ResolverReads {

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> machines;
    private final MongoCollection<Document> policies;
    private final MongoCollection<Document> discoveries;

    ResolverReads(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.machines = database.getCollection(Collections.MACHINES);
        this.policies = database.getCollection(Collections.POLICIES);
        this.discoveries = database.getCollection(Collections.TASK_DISCOVERIES);
    }

    Optional<Document> task(String taskId) {
        return ViewStore.findLive(tasks, taskId);
    }

    Optional<Document> machine(String machineId) {
        return ViewStore.findLive(machines, machineId);
    }

    Optional<Document> discovery(String taskId) {
        return ViewStore.findLive(discoveries, taskId);
    }

    /** One lookup by id per bound policy: a machine binds few, and an id lookup never scans the collection. */
    List<Document> policies(List<String> policyIds) {
        List<Document> found = new ArrayList<>();
        for (String policyId : policyIds) {
            Document policy = ViewStore.findLive(policies, policyId).orElse(null);
            if (policy != null) {
                found.add(policy);
            }
        }
        return found;
    }
}
