package dev.machinemarkets.platform.views;

import java.util.Date;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewWrites;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.OutcomeRecorded;
import dev.machinemarkets.schemas.events.RouteRecorded;
import dev.machinemarkets.schemas.events.RunRecorded;
import dev.machinemarkets.schemas.events.TaskCreated;
import dev.machinemarkets.schemas.events.TaskDiscovered;
import dev.machinemarkets.schemas.events.TaskUpdated;

/** Applies the task pipeline's events: tasks, each task's latest discovery, routes, outcomes and runs. */
public class TaskViewProjection implements ViewProjection {

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> discoveries;
    private final MongoCollection<Document> routes;
    private final MongoCollection<Document> outcomes;
    private final MongoCollection<Document> runs;

    public TaskViewProjection(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.discoveries = database.getCollection(Collections.TASK_DISCOVERIES);
        this.routes = database.getCollection(Collections.ROUTES);
        this.outcomes = database.getCollection(Collections.OUTCOMES);
        this.runs = database.getCollection(Collections.RUNS);
    }

    @Override
    public void apply(EventEnvelope event, long offset, ViewWrites views) {
        Object payload = event.getPayload();
        if (payload instanceof TaskCreated created) {
            views.applyIfNewer(tasks, created.getTask().getId(), AvroDocuments.toDocument(created.getTask()), offset);
        } else if (payload instanceof TaskUpdated updated) {
            views.applyIfNewer(tasks, updated.getTask().getId(), AvroDocuments.toDocument(updated.getTask()), offset);
        } else if (payload instanceof TaskDiscovered discovered) {
            views.applyIfNewer(discoveries, discovered.getTaskId(), new Document("taskId", discovered.getTaskId())
                    .append("machineId", discovered.getMachineId())
                    .append("result", Document.parse(discovered.getResult()))
                    .append("discoveredAt", Date.from(event.getCreatedAt())), offset);
        } else if (payload instanceof RouteRecorded recorded) {
            views.applyIfNewer(routes, recorded.getRoute().getId(), AvroDocuments.toDocument(recorded.getRoute()), offset);
        } else if (payload instanceof OutcomeRecorded recorded) {
            views.applyIfNewer(outcomes, recorded.getOutcome().getId(), AvroDocuments.toDocument(recorded.getOutcome()), offset);
        } else if (payload instanceof RunRecorded recorded) {
            views.applyIfNewer(runs, recorded.getRun().getId(), AvroDocuments.toDocument(recorded.getRun()), offset);
        }
    }
}
