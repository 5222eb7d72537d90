package dev.machinemarkets.gateway.agents;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.web.ItemResponse;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/machines/{machineId}/agents")
class AgentController {

    private final AgentService service;
    private final AgentViews views;
    private final MachineGate gate;

    AgentController(AgentService service, AgentViews views, MachineGate gate) {
        this.service = service;
        this.views = views;
        this.gate = gate;
    }

    /** The only response that ever holds the agent token. */
    @PostMapping("/enrollment")
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse<Map<String, Object>> enroll(@PathVariable String machineId,
            @Valid @RequestBody(required = false) EnrollAgentRequest request) {
        AgentService.Enrolled enrolled = service.enroll(machineId,
                request == null ? new EnrollAgentRequest(null, null, null) : request);
        Map<String, Object> item = AvroDocuments.toView(enrolled.agent());
        item.put("agentToken", enrolled.agentToken());
        return new ItemResponse<>(item);
    }

    @GetMapping
    ListResponse<Map<String, Object>> list(@PathVariable String machineId, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        gate.require(machineId);
        return page.page(views.page(machineId, page), d -> d.getString("_id"), AvroDocuments::toView);
    }

    @GetMapping("/{agentId}")
    ItemResponse<Map<String, Object>> get(@PathVariable String machineId, @PathVariable String agentId) {
        return new ItemResponse<>(AvroDocuments.toView(service.get(machineId, agentId)));
    }

    @PostMapping("/{agentId}/revoke")
    ItemResponse<Map<String, Object>> revoke(@PathVariable String machineId, @PathVariable String agentId) {
        return new ItemResponse<>(AvroDocuments.toView(service.revoke(machineId, agentId)));
    }
}
