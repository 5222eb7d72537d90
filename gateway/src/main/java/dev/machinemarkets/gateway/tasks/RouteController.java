package dev.machinemarkets.gateway.tasks;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;

@RestController
class RouteController {

    private final TaskViews views;
    private final MachineGate gate;

    RouteController(TaskViews views, MachineGate gate) {
        this.views = views;
        this.gate = gate;
    }

    @GetMapping("/api/v1/machines/{machineId}/routes")
    ListResponse<Map<String, Object>> routes(@PathVariable String machineId, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        gate.require(machineId);
        return page.page(views.routes(machineId, page), d -> d.getString("_id"), AvroDocuments::toView);
    }
}
