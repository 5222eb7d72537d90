package dev.machinemarkets.gateway.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Service;

import dev.machinemarkets.gateway.catalogue.CatalogueViews;
import dev.machinemarkets.gateway.catalogue.ServiceTypes;
import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.gateway.stages.StageClient;
import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.stages.Stage;
import dev.machinemarkets.platform.tasks.TaskStatus;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ErrorCode;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.schemas.events.TaskCreated;
import dev.machinemarkets.schemas.stages.StageMessage;
import dev.machinemarkets.schemas.state.TaskConstraints;
import dev.machinemarkets.schemas.state.TaskState;

/** Creates tasks and drives their stages on a client's request. */
@Service
class TaskService {

    static final String RESOURCE_TYPE = "task";
    static final int DEFAULT_MAX_CANDIDATES = 10;

    private final MachineGate gate;
    private final TaskViews views;
    private final CatalogueViews catalogue;
    private final EventLog eventLog;
    private final StageClient stages;
    private final Clock clock;

    TaskService(MachineGate gate, TaskViews views, CatalogueViews catalogue, EventLog eventLog, StageClient stages, Clock clock) {
        this.gate = gate;
        this.views = views;
        this.catalogue = catalogue;
        this.eventLog = eventLog;
        this.stages = stages;
        this.clock = clock;
    }

    Document create(String machineId, CreateTaskRequest request) {
        gate.require(machineId);
        List<FieldIssue> issues = new ArrayList<>();
        if (!ServiceTypes.isKnown(request.serviceType())) {
            issues.add(new FieldIssue("serviceType", "must be one of " + String.join(", ", ServiceTypes.ALL)));
        }
        CreateTaskRequest.Constraints constraints = request.constraints() == null
                ? new CreateTaskRequest.Constraints(null, null, null, null, null, null) : request.constraints();
        List<String> preferred = constraints.preferredSkillKeys();
        if (preferred != null) {
            for (int i = 0; i < preferred.size(); i++) {
                if (catalogue.skill(preferred.get(i)).isEmpty()) {
                    issues.add(new FieldIssue("constraints.preferredSkillKeys[" + i + "]", "skill " + preferred.get(i) + " is not in the registry"));
                }
            }
        }
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
        Instant now = now();
        String taskId = Ids.newId("task", now);
        TaskState task = TaskState.newBuilder()
                .setId(taskId)
                .setMachineId(machineId)
                .setServiceType(request.serviceType())
                .setOperation(request.operation())
                .setTaskType(request.taskType().trim())
                .setStatus(TaskStatus.QUEUED.wire())
                .setInput(new Document(request.input() == null ? Map.of() : request.input()).toJson())
                .setConstraints(TaskConstraints.newBuilder()
                        .setRegion(constraints.region())
                        .setBudget(constraints.budget())
                        .setAllowExternalHandoff(constraints.allowExternalHandoff() == null || constraints.allowExternalHandoff())
                        .setRequireNativeExecution(Boolean.TRUE.equals(constraints.requireNativeExecution()))
                        .setRequiredCapabilities(distinct(constraints.requiredCapabilities()))
                        .setPreferredSkillKeys(preferred == null ? null : distinct(preferred))
                        .build())
                .setMaxCandidates(request.discovery() == null || request.discovery().maxCandidates() == null
                        ? DEFAULT_MAX_CANDIDATES : request.discovery().maxCandidates())
                .setAutoRun(Boolean.TRUE.equals(request.autoRun()))
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
        eventLog.appendForMachine(machineId, Events.envelope("task.created", Events.ACTOR_API, RESOURCE_TYPE, taskId, machineId, now,
                new TaskCreated(task)));
        if (task.getAutoRun()) {
            stages.send(Stage.DISCOVER, taskId, machineId, "{}");
        }
        return views.find(machineId, taskId).orElseThrow();
    }

    Document get(String machineId, String taskId) {
        gate.require(machineId);
        return task(machineId, taskId);
    }

    /** Runs discovery in the discovery worker and returns its reply as it is. */
    StageMessage discover(String machineId, String taskId, CreateTaskRequest.DiscoverOptions options) {
        gate.require(machineId);
        TaskStatus status = TaskStatus.of(task(machineId, taskId).getString("status"));
        if (!status.canDiscover()) {
            throw new ApiException(ErrorCode.TASK_STATE_CONFLICT, "task " + taskId + " is " + status.wire() + ": discovery runs for a queued, "
                    + "resolved or failed task");
        }
        Document body = new Document();
        if (options != null) {
            putIfSet(body, "allowExternalHandoff", options.allowExternalHandoff());
            putIfSet(body, "requireNativeExecution", options.requireNativeExecution());
            putIfSet(body, "maxCandidates", options.maxCandidates());
        }
        return call(Stage.DISCOVER, machineId, taskId, body.toJson());
    }

    /** Picks a route in the resolver worker; a task that was never discovered is discovered first. */
    StageMessage resolve(String machineId, String taskId) {
        gate.require(machineId);
        TaskStatus status = TaskStatus.of(task(machineId, taskId).getString("status"));
        if (!status.canMoveTo(TaskStatus.RESOLVED)) {
            throw new ApiException(ErrorCode.TASK_STATE_CONFLICT, "task " + taskId + " is " + status.wire() + " and cannot be resolved");
        }
        if (!views.discovered(taskId)) {
            call(Stage.DISCOVER, machineId, taskId, "{}");
        }
        return call(Stage.RESOLVE, machineId, taskId, "{}");
    }

    /** Executes the task's route in the executor worker; the executor checks the route and the task's status. */
    StageMessage execute(String machineId, String taskId, Map<String, Object> input, String idempotencyKey) {
        gate.require(machineId);
        task(machineId, taskId);
        Document options = new Document();
        putIfSet(options, "idempotencyKey", idempotencyKey);
        putIfSet(options, "input", input == null ? null : new Document(input));
        return call(Stage.EXECUTE, machineId, taskId, options.toJson());
    }

    private StageMessage call(Stage stage, String machineId, String taskId, String options) {
        StageMessage reply = stages.call(stage, taskId, machineId, options);
        if (reply.getErrorCode() != null) {
            throw new ApiException(errorCode(reply.getErrorCode()), reply.getErrorMessage());
        }
        return reply;
    }

    private static ErrorCode errorCode(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTERNAL_ERROR;
        }
    }

    private static void putIfSet(Document body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private Document task(String machineId, String taskId) {
        return views.find(machineId, taskId).orElseThrow(() -> ApiException.notFound("task", taskId + " of machine " + machineId));
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
