package dev.machinemarkets.discovery.stage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import dev.machinemarkets.discovery.domain.Discovery;
import dev.machinemarkets.discovery.domain.MachineContext;
import dev.machinemarkets.discovery.domain.ServiceOffer;
import dev.machinemarkets.discovery.domain.TaskNeeds;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.stages.StageResult;
import dev.machinemarkets.platform.tasks.TaskStatus;
import dev.machinemarkets.platform.views.Liveness;
import dev.machinemarkets.schemas.events.TaskDiscovered;
import dev.machinemarkets.schemas.stages.StageMessage;

/**
 * DISCOVER: reads the task, its machine, the catalogue and the live runtimes, runs {@link Discovery},
 * records the result as task.discovered and answers with the discover response.
 */
@Component
class DiscoveryStage {

    private final DiscoveryReads reads;
    private final EventLog eventLog;
    private final Clock clock;

    DiscoveryStage(DiscoveryReads reads, EventLog eventLog, Clock clock) {
        this.reads = reads;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    StageResult discover(StageMessage command) {
        Optional<Document> task = reads.task(command.getTaskId());
        Optional<Document> machine = reads.machine(command.getMachineId());
        if (task.isEmpty() || machine.isEmpty() || !command.getMachineId().equals(task.get().getString("machineId"))) {
            return StageResult.error(404, "NOT_FOUND", "task " + command.getTaskId() + " of machine " + command.getMachineId() + " was not found");
        }
        TaskStatus status = TaskStatus.of(task.get().getString("status"));
        if (!status.canDiscover()) {
            return StageResult.error(409, "TASK_STATE_CONFLICT", "task " + command.getTaskId() + " is " + status.wire());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Document options = Document.parse(command.getBody());
        TaskNeeds needs = needs(task.get(), options);
        Map<String, Map<String, Object>> serviceViews = new LinkedHashMap<>();
        List<ServiceOffer> offers = new ArrayList<>();
        for (Document service : reads.services(needs.serviceType())) {
            serviceViews.put(service.getString("id"), AvroDocuments.toView(service));
            offers.add(offer(service));
        }
        Set<String> providerKeys = new HashSet<>();
        offers.forEach(offer -> providerKeys.add(offer.providerKey()));
        Document machineDoc = machine.get();
        MachineContext context = new MachineContext(new HashSet<>(machineDoc.getList("capabilities", String.class, List.of())),
                machineDoc.getString("region"), reads.liveProviderKeys(command.getMachineId(), providerKeys, now));
        Discovery.Result result = Discovery.discover(needs, context, offers);
        String body = response(command, result, serviceViews).toJson();
        eventLog.appendForMachine(command.getMachineId(), Events.envelope("task.discovered", Events.ACTOR_SYSTEM, "task",
                command.getTaskId(), command.getMachineId(), now, new TaskDiscovered(command.getTaskId(), command.getMachineId(), body)));
        return StageResult.ok(200, body);
    }

    private static TaskNeeds needs(Document task, Document options) {
        Document constraints = task.get("constraints", Document.class);
        Number budget = constraints.get("budget", Number.class);
        return new TaskNeeds(
                task.getString("serviceType"),
                task.getString("operation"),
                constraints.getString("region"),
                budget == null ? null : budget.doubleValue(),
                options.getBoolean("allowExternalHandoff", constraints.getBoolean("allowExternalHandoff", true)),
                options.getBoolean("requireNativeExecution", constraints.getBoolean("requireNativeExecution", false)),
                new HashSet<>(constraints.getList("requiredCapabilities", String.class, List.of())),
                constraints.getList("preferredSkillKeys", String.class, List.of()),
                options.getInteger("maxCandidates", task.getInteger("maxCandidates", 10)));
    }

    private static ServiceOffer offer(Document service) {
        return new ServiceOffer(service.getString("id"), service.getString("skillKey"), service.getString("providerKey"),
                service.getString("serviceType"), service.getList("operations", String.class, List.of()), service.getString("executionMode"),
                service.getString("integrationStatus"), service.getString("region"),
                new HashSet<>(service.getList("capabilities", String.class, List.of())), service.get("handoff") != null,
                Liveness.fixedPrice(service), Liveness.currency(service));
    }

    /** The DiscoverTaskResponse: taskId, machineId, resolution, candidates; plus excluded, the services ruled out and why. */
    private static Document response(StageMessage command, Discovery.Result result, Map<String, Map<String, Object>> serviceViews) {
        List<Document> candidates = new ArrayList<>();
        for (Discovery.Candidate candidate : result.candidates()) {
            candidates.add(new Document("service", new Document(serviceViews.get(candidate.offer().id())))
                    .append("executionMode", candidate.executionMode())
                    .append("score", candidate.score())
                    .append("reasons", candidate.reasons()));
        }
        Document resolution = new Document("kind", result.resolutionKind());
        switch (result.resolutionKind()) {
            case "native" -> resolution.append("candidate", candidates.get(0));
            case "handoff" -> resolution.append("candidate", candidates.get(0))
                    .append("handoff", candidates.get(0).get("service", Document.class).get("handoff"));
            default -> resolution.append("reason", result.unavailableReason()).append("candidates", candidates);
        }
        List<Document> excluded = result.excluded().stream()
                .map(e -> new Document("serviceId", e.serviceId()).append("reason", e.reason())).toList();
        return new Document("taskId", command.getTaskId())
                .append("machineId", command.getMachineId())
                .append("resolution", resolution)
                .append("candidates", candidates)
                .append("excluded", excluded);
    }
}
