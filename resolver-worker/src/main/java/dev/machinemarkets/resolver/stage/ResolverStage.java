package dev.machinemarkets.resolver.stage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.stages.StageResult;
import dev.machinemarkets.platform.tasks.TaskStatus;
import dev.machinemarkets.platform.views.Liveness;
import dev.machinemarkets.resolver.policy.ExecutionMode;
import dev.machinemarkets.resolver.policy.Money;
import dev.machinemarkets.resolver.policy.Policy;
import dev.machinemarkets.resolver.policy.PolicyEvaluator;
import dev.machinemarkets.resolver.policy.RouteOption;
import dev.machinemarkets.resolver.routing.RouteSelection;
import dev.machinemarkets.schemas.events.RouteRecorded;
import dev.machinemarkets.schemas.events.TaskUpdated;
import dev.machinemarkets.schemas.stages.StageMessage;
import dev.machinemarkets.schemas.state.ExternalHandoff;
import dev.machinemarkets.schemas.state.RouteState;
import dev.machinemarkets.schemas.state.RouteStep;
import dev.machinemarkets.schemas.state.TaskState;

/**
 * RESOLVE: applies the machine's policies to the task's latest discovery, records the route (selected,
 * or blocked when nothing is eligible) and moves the task to resolved or failed.
 */
@Component
class ResolverStage {

    private final ResolverReads reads;
    private final EventLog eventLog;
    private final Clock clock;
    private final RouteSelection selection = new RouteSelection(new PolicyEvaluator());

    ResolverStage(ResolverReads reads, EventLog eventLog, Clock clock) {
        this.reads = reads;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** The answer, and whether a route was selected (a self-running task then goes on to execute). */
    record Resolved(StageResult result, boolean routeSelected) {

        static Resolved failed(StageResult result) {
            return new Resolved(result, false);
        }
    }

    Resolved resolve(StageMessage command) {
        Optional<Document> task = reads.task(command.getTaskId());
        Optional<Document> machine = reads.machine(command.getMachineId());
        if (task.isEmpty() || machine.isEmpty() || !command.getMachineId().equals(task.get().getString("machineId"))) {
            return Resolved.failed(StageResult.error(404, "NOT_FOUND", "task " + command.getTaskId() + " of machine " + command.getMachineId()
                    + " was not found"));
        }
        TaskStatus status = TaskStatus.of(task.get().getString("status"));
        Optional<Document> discovery = reads.discovery(command.getTaskId());
        if (!status.canMoveTo(TaskStatus.RESOLVED) || discovery.isEmpty()) {
            return Resolved.failed(StageResult.error(409, "TASK_STATE_CONFLICT", "task " + command.getTaskId() + " is " + status.wire()
                    + (discovery.isEmpty() ? " and has not been discovered" : " and cannot be resolved")));
        }
        List<Document> candidateDocs = discovery.get().get("result", Document.class).getList("candidates", Document.class);
        Map<String, Document> servicesById = new HashMap<>();
        List<RouteSelection.Candidate> candidates = new ArrayList<>();
        for (Document candidate : candidateDocs) {
            Document service = candidate.get("service", Document.class);
            servicesById.put(service.getString("id"), candidate);
            candidates.add(new RouteSelection.Candidate(option(service, candidate.getString("executionMode")),
                    candidate.get("score", Number.class).doubleValue(), candidate.getList("reasons", String.class)));
        }
        List<Policy> policies = reads.policies(machine.get().getList("policyIds", String.class, List.of())).stream()
                .map(ResolverStage::policy).toList();
        RouteSelection.Result result = selection.select(candidates, policies);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RouteState route = route(command, result, servicesById, now);
        TaskState before = AvroDocuments.fromDocument(task.get(), TaskState.class);
        TaskState after = TaskState.newBuilder(before)
                .setStatus((result.selected().isPresent() ? TaskStatus.RESOLVED : TaskStatus.FAILED).wire())
                .setRouteId(route.getId())
                .setUpdatedAt(now)
                .build();
        eventLog.appendForMachine(command.getMachineId(), List.of(
                Events.envelope(result.selected().isPresent() ? "route.selected" : "route.blocked", Events.ACTOR_SYSTEM, "route",
                        route.getId(), command.getMachineId(), now, new RouteRecorded(route, List.of())),
                Events.envelope("task.updated", Events.ACTOR_SYSTEM, "task", command.getTaskId(), command.getMachineId(), now,
                        new TaskUpdated(after, List.of("status", "routeId")))));

        Document body = new Document("item", new Document(AvroDocuments.toView(AvroDocuments.toDocument(route))))
                .append("resolution", resolution(result, servicesById));
        return new Resolved(StageResult.ok(201, body.toJson()), result.selected().isPresent());
    }

    private static RouteState route(StageMessage command, RouteSelection.Result result, Map<String, Document> candidates, Instant now) {
        List<RouteStep> fallback = result.fallbackChain().stream()
                .map(c -> new RouteStep(c.option().skillKey(), c.option().serviceId(), c.option().executionMode().wire())).toList();
        RouteState.Builder route = RouteState.newBuilder()
                .setId(Ids.newId("route", now))
                .setMachineId(command.getMachineId())
                .setTaskId(command.getTaskId())
                .setReason(result.reason())
                .setFallbackChain(fallback)
                .setCreatedAt(now)
                .setUpdatedAt(now);
        if (result.selected().isEmpty()) {
            return route.setSelectedSkillKey("").setSelectedServiceId("").setExecutionMode("").setIntegrationStatus("")
                    .setStatus("blocked").setScore(0).setHandoff(null).build();
        }
        RouteSelection.Candidate selected = result.selected().get();
        Document service = candidates.get(selected.option().serviceId()).get("service", Document.class);
        Document handoff = service.get("handoff", Document.class);
        boolean isHandoff = selected.option().executionMode() == ExecutionMode.EXTERNAL_HANDOFF;
        return route.setSelectedSkillKey(selected.option().skillKey())
                .setSelectedServiceId(selected.option().serviceId())
                .setExecutionMode(selected.option().executionMode().wire())
                .setIntegrationStatus(service.getString("integrationStatus"))
                .setStatus("selected")
                .setScore(selected.score())
                .setHandoff(isHandoff && handoff != null ? new ExternalHandoff(handoff.getString("label"), handoff.getString("url"),
                        handoff.getList("notes", String.class, List.of())) : null)
                .build();
    }

    /** TaskResolution of the seed, from the route that was chosen. */
    private static Document resolution(RouteSelection.Result result, Map<String, Document> candidates) {
        if (result.selected().isEmpty()) {
            List<Document> rejected = result.rejected().stream().map(r -> candidates.get(r.candidate().option().serviceId())).toList();
            return new Document("kind", "unavailable").append("reason", result.reason()).append("candidates", rejected);
        }
        Document candidate = candidates.get(result.selected().get().option().serviceId());
        if (result.selected().get().option().executionMode() == ExecutionMode.NATIVE) {
            return new Document("kind", "native").append("candidate", candidate);
        }
        return new Document("kind", "handoff").append("candidate", candidate)
                .append("handoff", candidate.get("service", Document.class).get("handoff"));
    }

    private static RouteOption option(Document service, String executionMode) {
        Optional<Money> price = Liveness.fixedPrice(service).map(amount -> new Money(BigDecimal.valueOf(amount), Liveness.currency(service)));
        return new RouteOption(service.getString("id"), service.getString("skillKey"),
                "native".equals(executionMode) ? ExecutionMode.NATIVE : ExecutionMode.EXTERNAL_HANDOFF,
                service.getString("region"), new HashSet<>(service.getList("capabilities", String.class, List.of())), price);
    }

    private static Policy policy(Document policy) {
        Document cap = policy.get("budgetCap", Document.class);
        return new Policy(policy.getString("id"), policy.getString("name"),
                new HashSet<>(policy.getList("allowedSkillKeys", String.class, List.of())),
                new HashSet<>(policy.getList("deniedSkillKeys", String.class, List.of())),
                cap == null ? Optional.empty()
                        : Optional.of(new Money(BigDecimal.valueOf(cap.get("amount", Number.class).doubleValue()), cap.getString("currency"))),
                policy.getList("regionRules", String.class, List.of()),
                policy.getBoolean("nativeOnly", false), policy.getBoolean("handoffAllowed", true),
                new HashSet<>(policy.getList("requiredCapabilities", String.class, List.of())));
    }
}
