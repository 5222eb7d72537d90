package dev.machinemarkets.gateway.tasks;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.platform.web.ItemResponse;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import dev.machinemarkets.schemas.stages.StageMessage;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1/machines/{machineId}/tasks")
class TaskController {

    private final TaskService service;
    private final TaskViews views;
    private final MachineGate gate;
    private final ObjectMapper json;

    TaskController(TaskService service, TaskViews views, MachineGate gate, ObjectMapper json) {
        this.service = service;
        this.views = views;
        this.gate = gate;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse<Map<String, Object>> create(@PathVariable String machineId, @Valid @RequestBody CreateTaskRequest request) {
        return new ItemResponse<>(TaskViews.view(service.create(machineId, request)));
    }

    @GetMapping
    ListResponse<Map<String, Object>> list(@PathVariable String machineId, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        gate.require(machineId);
        return page.page(views.page(machineId, page), d -> d.getString("_id"), TaskViews::view);
    }

    @GetMapping("/{taskId}")
    ItemResponse<Map<String, Object>> get(@PathVariable String machineId, @PathVariable String taskId) {
        return new ItemResponse<>(TaskViews.view(service.get(machineId, taskId)));
    }

    @PostMapping("/{taskId}/discover")
    ResponseEntity<JsonNode> discover(@PathVariable String machineId, @PathVariable String taskId,
            @Valid @RequestBody(required = false) CreateTaskRequest.DiscoverOptions options) {
        return relay(service.discover(machineId, taskId, options));
    }

    @PostMapping("/{taskId}/resolve")
    ResponseEntity<JsonNode> resolve(@PathVariable String machineId, @PathVariable String taskId) {
        return relay(service.resolve(machineId, taskId));
    }

    record ExecuteRequest(Map<String, Object> input) {
    }

    @PostMapping("/{taskId}/execute")
    ResponseEntity<JsonNode> execute(@PathVariable String machineId, @PathVariable String taskId,
            @RequestBody(required = false) ExecuteRequest request,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw dev.machinemarkets.platform.web.ApiException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        return relay(service.execute(machineId, taskId, request == null ? null : request.input(), idempotencyKey));
    }

    /** The stage's answer, passed on with the status it chose. */
    private ResponseEntity<JsonNode> relay(StageMessage reply) {
        return ResponseEntity.status(reply.getHttpStatus()).body(json.readTree(reply.getBody()));
    }
}
