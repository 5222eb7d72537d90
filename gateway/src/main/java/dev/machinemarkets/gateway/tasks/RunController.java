package dev.machinemarkets.gateway.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import tools.jackson.databind.ObjectMapper;

/** Outcomes and runs, as the executor wrote them. */
@RestController
class RunController {

    private static final List<String> RUN_STATUSES = List.of("queued", "running", "completed", "failed", "external", "blocked");

    private final MongoCollection<Document> outcomes;
    private final MongoCollection<Document> runs;
    private final MachineGate gate;
    private final ObjectMapper json;

    RunController(MongoDatabase database, MachineGate gate, ObjectMapper json) {
        this.outcomes = database.getCollection(Collections.OUTCOMES);
        this.runs = database.getCollection(Collections.RUNS);
        this.gate = gate;
        this.json = json;
    }

    record RunResponse(Map<String, Object> run, Map<String, Object> outcome) {
    }

    @GetMapping("/api/v1/machines/{machineId}/outcomes")
    ListResponse<Map<String, Object>> outcomes(@PathVariable String machineId, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        gate.require(machineId);
        return page.page(find(outcomes, List.of(Filters.eq("machineId", machineId)), page), d -> d.getString("_id"), this::outcomeView);
    }

    @GetMapping("/api/v1/runs")
    ListResponse<Map<String, Object>> runs(@RequestParam(required = false) String machineId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String skillKey, @RequestParam(required = false) String serviceId,
            @RequestParam(required = false) String executionMode, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        if (machineId == null || machineId.isBlank()) {
            throw ApiException.invalid("machineId", "is required");
        }
        if (status != null && !RUN_STATUSES.contains(status)) {
            throw ApiException.invalid("status", "must be one of " + String.join(", ", RUN_STATUSES));
        }
        if (executionMode != null && !executionMode.equals("native") && !executionMode.equals("external-handoff")) {
            throw ApiException.invalid("executionMode", "must be one of native, external-handoff");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        gate.require(machineId);
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("machineId", machineId)));
        addIfPresent(filters, "status", status);
        addIfPresent(filters, "skillKey", skillKey);
        addIfPresent(filters, "serviceId", serviceId);
        addIfPresent(filters, "executionMode", executionMode);
        return page.page(find(runs, filters, page), d -> d.getString("_id"), AvroDocuments::toView);
    }

    @GetMapping("/api/v1/runs/{runId}")
    RunResponse run(@PathVariable String runId) {
        Document run = ViewStore.findLive(runs, runId).orElse(null);
        if (run == null) {
            throw ApiException.notFound("run", runId);
        }
        String outcomeId = run.getString("outcomeId");
        Document outcome = outcomeId == null ? null : ViewStore.findLive(outcomes, outcomeId).orElse(null);
        return new RunResponse(AvroDocuments.toView(run), outcome == null ? null : outcomeView(outcome));
    }

    /** result is kept as JSON text; the API shows the JSON itself. */
    private Map<String, Object> outcomeView(Document outcome) {
        Map<String, Object> view = AvroDocuments.toView(outcome);
        Object result = view.get("result");
        if (result instanceof String text) {
            view.put("result", json.readTree(text));
        }
        return view;
    }

    private static List<Document> find(MongoCollection<Document> collection, List<Bson> filters, PageRequest page) {
        return ViewStore.page(collection, Filters.and(filters), page);
    }

    private static void addIfPresent(List<Bson> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Filters.eq(field, value));
        }
    }
}
