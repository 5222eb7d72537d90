package dev.machinemarkets.resolver.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

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
        return Optional.ofNullable(tasks.find(Filters.and(Filters.eq("_id", taskId), ViewStore.live())).first());
    }

    Optional<Document> machine(String machineId) {
        return Optional.ofNullable(machines.find(Filters.and(Filters.eq("_id", machineId), ViewStore.live())).first());
    }

    Optional<Document> discovery(String taskId) {
        return Optional.ofNullable(discoveries.find(Filters.and(Filters.eq("_id", taskId), ViewStore.live())).first());
    }

    List<Document> policies(List<String> policyIds) {
        return policies.find(Filters.and(Filters.in("_id", policyIds), ViewStore.live())).into(new ArrayList<>());
    }
}
