package dev.machinemarkets.gateway.machines;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.machinemarkets.gateway.GatewaySettings;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ItemResponse;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/machines")
class MachineController {

    private final MachineService service;
    private final MachineViews views;
    private final GatewaySettings settings;

    MachineController(MachineService service, MachineViews views, GatewaySettings settings) {
        this.service = service;
        this.views = views;
        this.settings = settings;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse<Map<String, Object>> create(@Valid @RequestBody CreateMachineRequest request) {
        return new ItemResponse<>(AvroDocuments.toView(service.create(request)));
    }

    @GetMapping
    ListResponse<Map<String, Object>> list(@RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(views.page(page, settings.verificationRequired()), d -> d.getString("_id"), AvroDocuments::toView);
    }

    @GetMapping("/{machineId}")
    ItemResponse<Map<String, Object>> get(@PathVariable String machineId) {
        return new ItemResponse<>(AvroDocuments.toView(
                views.find(machineId).orElseThrow(() -> ApiException.notFound("machine", machineId))));
    }

    @PatchMapping("/{machineId}")
    ItemResponse<Map<String, Object>> update(@PathVariable String machineId, @RequestBody JsonNode body) {
        return new ItemResponse<>(AvroDocuments.toView(service.update(machineId, body)));
    }
}
