package dev.machinemarkets.executor.stage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import dev.machinemarkets.executor.runtime.RuntimeCall;
import dev.machinemarkets.executor.runtime.RuntimeClient;
import dev.machinemarkets.executor.runtime.RuntimeResult;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.stages.StageResult;
import dev.machinemarkets.platform.tasks.TaskStatus;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.OutcomeRecorded;
import dev.machinemarkets.schemas.events.RouteRecorded;
import dev.machinemarkets.schemas.events.RunRecorded;
import dev.machinemarkets.schemas.events.TaskUpdated;
import dev.machinemarkets.schemas.stages.StageMessage;
import dev.machinemarkets.schemas.state.OutcomeState;
import dev.machinemarkets.schemas.state.RouteState;
import dev.machinemarkets.schemas.state.RunState;
import dev.machinemarkets.schemas.state.TaskState;

/**
 * EXECUTE: runs the task's route. A native step calls the machine's runtime endpoint; when it fails
 * (or its breaker is open, or no endpoint is live) the next step of the fallback chain is tried; a
 * handoff step ends with an external outcome. Writes the outcome, the run, the task's and the route's
 * new status, and answers with the HTTP status of the inner result.
 */
@Component
class ExecutorStage {

    private final ExecutorReads reads;
    private final RuntimeClient runtime;
    private final EventLog eventLog;
    private final Clock clock;

    ExecutorStage(ExecutorReads reads, RuntimeClient runtime, EventLog eventLog, Clock clock) {
        this.reads = reads;
        this.runtime = runtime;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    private record Step(String skillKey, String serviceId, String executionMode) {
    }

    private record Attempt(Step step, Document service, RuntimeResult result, String endpointId) {
    }

    StageResult execute(StageMessage command) {
        Document options = Document.parse(command.getBody());
        String key = options.getString("idempotencyKey");
        String executionKey = key == null ? null : command.getMachineId() + ":" + command.getTaskId() + ":" + key;
        if (executionKey != null) {
            Optional<Document> earlier = reads.execution(executionKey);
            if (earlier.isPresent()) {
                return StageResult.ok(earlier.get().getInteger("httpStatus"), earlier.get().getString("body"));
            }
        }
        Optional<Document> taskDoc = reads.byId(Collections.TASKS, command.getTaskId())
                .filter(t -> command.getMachineId().equals(t.getString("machineId")));
        if (taskDoc.isEmpty()) {
            return StageResult.error(404, "NOT_FOUND", "task " + command.getTaskId() + " of machine " + command.getMachineId() + " was not found");
        }
        TaskState task = AvroDocuments.fromDocument(taskDoc.get(), TaskState.class);
        Optional<Document> routeDoc = task.getRouteId() == null ? Optional.empty() : reads.byId(Collections.ROUTES, task.getRouteId());
        if (routeDoc.isEmpty() || "blocked".equals(routeDoc.get().getString("status"))) {
            return StageResult.error(409, "ROUTE_REQUIRED", routeDoc.isEmpty() ? "task " + task.getId() + " has no route: resolve it first"
                    : "the route of task " + task.getId() + " is blocked: " + routeDoc.get().getString("reason"));
        }
        TaskStatus status = TaskStatus.of(task.getStatus());
        if (!status.canMoveTo(TaskStatus.EXECUTING)) {
            return StageResult.error(409, "TASK_STATE_CONFLICT", "task " + task.getId() + " is " + status.wire() + ", not resolved");
        }
        RouteState route = AvroDocuments.fromDocument(routeDoc.get(), RouteState.class);
        Instant started = now();
        TaskState executing = TaskState.newBuilder(task).setStatus(TaskStatus.EXECUTING.wire()).setUpdatedAt(started).build();
        eventLog.appendForMachine(task.getMachineId(), taskUpdated(executing, started));

        Document input = options.get("input") instanceof Document given ? given : Document.parse(task.getInput());
        String runtimeKey = key != null ? key : task.getId() + ":" + route.getId();
        List<Attempt> attempts = new ArrayList<>();
        for (Step step : steps(route)) {
            Optional<Document> service = reads.byId(Collections.SERVICES, step.serviceId());
            if (service.isEmpty()) {
                attempts.add(new Attempt(step, null, new RuntimeResult.Failure(RuntimeResult.Kind.UNAVAILABLE,
                        "service " + step.serviceId() + " is no longer in the catalogue"), null));
                continue;
            }
            if ("external-handoff".equals(step.executionMode())) {
                return finish(command, executionKey, task, route, step, service.get(), null, attempts, now());
            }
            Attempt attempt = callRuntime(task, step, service.get(), input, runtimeKey);
            attempts.add(attempt);
            if (attempt.result() instanceof RuntimeResult.Success) {
                return finish(command, executionKey, task, route, step, service.get(), attempt, attempts, now());
            }
        }
        Attempt last = attempts.get(attempts.size() - 1);
        return finish(command, executionKey, task, route, last.step(), last.service(), last, attempts, now());
    }

    private Attempt callRuntime(TaskState task, Step step, Document service, Document input, String runtimeKey) {
        String providerKey = service.getString("providerKey");
        Optional<Document> endpoint = reads.liveEndpoint(task.getMachineId(), providerKey, clock.instant());
        if (endpoint.isEmpty()) {
            return new Attempt(step, service, new RuntimeResult.Failure(RuntimeResult.Kind.UNAVAILABLE,
                    "no live " + providerKey + " runtime endpoint on machine " + task.getMachineId()), null);
        }
        Document e = endpoint.get();
        String authType = e.getString("authType");
        RuntimeCall call = new RuntimeCall(e.getString("id"), providerKey, e.getString("endpointBaseUrl"), authType,
                "none".equals(authType) ? null : reads.authToken(task.getMachineId(), providerKey), e.getString("modelAlias"),
                task.getOperation(), task.getId(), step.serviceId(), step.skillKey(), input, runtimeKey);
        return new Attempt(step, service, runtime.invoke(call), e.getString("id"));
    }

    /** Writes outcome, run, task and route in one ordered batch, and the answer the client gets. */
    private StageResult finish(StageMessage command, String executionKey, TaskState task, RouteState route, Step step, Document service,
            Attempt attempt, List<Attempt> attempts, Instant now) {
        boolean handoff = attempt == null;
        boolean success = !handoff && attempt.result() instanceof RuntimeResult.Success;
        RuntimeResult.Failure failure = !handoff && attempt.result() instanceof RuntimeResult.Failure f ? f : null;
        String outcomeId = Ids.newId("out", now);
        Document handoffDoc = service == null ? null : service.get("handoff", Document.class);
        OutcomeState outcome = OutcomeState.newBuilder()
                .setId(outcomeId).setMachineId(task.getMachineId()).setTaskId(task.getId()).setRouteId(route.getId())
                .setStatus(handoff ? "external" : success ? "completed" : "failed")
                .setSkillKey(step.skillKey()).setServiceId(step.serviceId()).setExecutionMode(step.executionMode())
                .setExternalRef(handoff && handoffDoc != null ? handoffDoc.getString("url") : null)
                .setErrorCode(failure == null ? null : failure.kind().code())
                .setErrorMessage(failure == null ? null : failure.message())
                .setResult(success ? ((RuntimeResult.Success) attempt.result()).resultJson() : null)
                .setCreatedAt(now).setUpdatedAt(now).build();
        RunState run = RunState.newBuilder()
                .setId(Ids.newId("run", now)).setMachineId(task.getMachineId()).setTaskId(task.getId()).setRouteId(route.getId())
                .setOutcomeId(outcomeId).setStatus(outcome.getStatus())
                .setExecutionMode(step.executionMode()).setSkillKey(step.skillKey()).setServiceId(step.serviceId())
                .setSummary(summary(outcome, attempts))
                .setCreatedAt(now).setUpdatedAt(now).build();
        TaskStatus taskStatus = handoff ? TaskStatus.HANDED_OFF : success ? TaskStatus.COMPLETED : TaskStatus.FAILED;
        TaskState finished = TaskState.newBuilder(task).setStatus(taskStatus.wire()).setOutcomeId(outcomeId).setUpdatedAt(now).build();
        RouteState routeAfter = RouteState.newBuilder(route).setStatus(handoff ? "handed_off" : success ? "completed" : "failed")
                .setUpdatedAt(now).build();
        List<EventEnvelope> events = List.of(
                Events.envelope("outcome.recorded", Events.ACTOR_SYSTEM, "outcome", outcomeId, task.getMachineId(), now, new OutcomeRecorded(outcome)),
                Events.envelope("run.recorded", Events.ACTOR_SYSTEM, "run", run.getId(), task.getMachineId(), now, new RunRecorded(run)),
                taskUpdated(finished, now),
                Events.envelope("route.updated", Events.ACTOR_SYSTEM, "route", route.getId(), task.getMachineId(), now,
                        new RouteRecorded(routeAfter, List.of("status"))));
        eventLog.appendForMachine(task.getMachineId(), events);

        int httpStatus = handoff ? 202 : success ? 200 : failure.kind().httpStatus();
        Document body = new Document("item", Views.outcome(outcome)).append("run", new Document(AvroDocuments.toView(AvroDocuments.toDocument(run))))
                .append("resolution", resolution(task.getId(), step, handoff, handoffDoc));
        if (handoff && handoffDoc != null) {
            body.append("handoff", handoffDoc);
        }
        String json = body.toJson();
        if (executionKey != null) {
            reads.rememberExecution(executionKey, httpStatus, json, now);
        }
        return StageResult.ok(httpStatus, json);
    }

    private Document resolution(String taskId, Step step, boolean handoff, Document handoffDoc) {
        Document candidate = reads.discoveryCandidate(taskId, step.serviceId()).orElse(new Document("service", new Document("id", step.serviceId())));
        if (handoff) {
            return new Document("kind", "handoff").append("candidate", candidate).append("handoff", handoffDoc);
        }
        return new Document("kind", "native").append("candidate", candidate);
    }

    private static String summary(OutcomeState outcome, List<Attempt> attempts) {
        List<String> failures = attempts.stream().filter(a -> a.result() instanceof RuntimeResult.Failure)
                .map(a -> a.step().serviceId() + ": " + ((RuntimeResult.Failure) a.result()).message()).toList();
        String head = switch (outcome.getStatus()) {
            case "completed" -> "completed on " + outcome.getServiceId();
            case "external" -> "handed off to " + outcome.getServiceId();
            default -> "failed on every step of the route";
        };
        return failures.isEmpty() ? head : head + " (failed before: " + String.join("; ", failures) + ")";
    }

    private static List<Step> steps(RouteState route) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(route.getSelectedSkillKey(), route.getSelectedServiceId(), route.getExecutionMode()));
        route.getFallbackChain().forEach(s -> steps.add(new Step(s.getSkillKey(), s.getServiceId(), s.getExecutionMode())));
        return steps;
    }

    private static EventEnvelope taskUpdated(TaskState task, Instant at) {
        return Events.envelope("task.updated", Events.ACTOR_SYSTEM, "task", task.getId(), task.getMachineId(), at,
                new TaskUpdated(task, List.of("status")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
