package dev.machinemarkets.gateway.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.PageRequest;

@Component
class TaskViews {

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> discoveries;
    private final MongoCollection<Document> routes;

    TaskViews(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.discoveries = database.getCollection(Collections.TASK_DISCOVERIES);
        this.routes = database.getCollection(Collections.ROUTES);
    }

    boolean discovered(String taskId) {
        return ViewStore.findLive(discoveries, taskId).isPresent();
    }

    List<Document> routes(String machineId, PageRequest page) {
        return ViewStore.page(routes, Filters.eq("machineId", machineId), page);
    }

    Optional<Document> find(String machineId, String taskId) {
        return ViewStore.findLive(tasks, taskId, "machineId", machineId);
    }

    List<Document> page(String machineId, PageRequest page) {
        return ViewStore.page(tasks, Filters.eq("machineId", machineId), page);
    }

    /** The TaskRecord of the API: optional fields that are unset are left out, maxCandidates sits under discovery. */
    static Map<String, Object> view(Document task) {
        Map<String, Object> stored = AvroDocuments.toView(task);
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : List.of("id", "machineId", "serviceType", "operation", "taskType", "status", "input", "constraints")) {
            if (stored.get(field) != null || !field.equals("operation")) {
                view.put(field, stored.get(field));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> constraints = (Map<String, Object>) view.get("constraints");
        constraints.values().removeIf(java.util.Objects::isNull);
        view.put("discovery", Map.of("maxCandidates", stored.get("maxCandidates")));
        view.put("autoRun", stored.get("autoRun"));
        view.put("routeId", stored.get("routeId"));
        view.put("outcomeId", stored.get("outcomeId"));
        view.put("createdAt", stored.get("createdAt"));
        view.put("updatedAt", stored.get("updatedAt"));
        return view;
    }
}
