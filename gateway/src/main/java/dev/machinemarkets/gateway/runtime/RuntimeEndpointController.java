package dev.machinemarkets.gateway.runtime;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ItemResponse;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/machines/{machineId}/runtime-endpoints")
class RuntimeEndpointController {

    private final RuntimeEndpointService service;
    private final RuntimeEndpointViews views;
    private final MachineGate gate;

    RuntimeEndpointController(RuntimeEndpointService service, RuntimeEndpointViews views, MachineGate gate) {
        this.service = service;
        this.views = views;
        this.gate = gate;
    }

    @GetMapping
    ListResponse<Map<String, Object>> list(@PathVariable String machineId, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        gate.require(machineId);
        return page.page(views.page(machineId, page), d -> d.getString("_id"), views::toView);
    }

    @GetMapping("/{providerKey}")
    ItemResponse<Map<String, Object>> get(@PathVariable String machineId, @PathVariable String providerKey) {
        gate.require(machineId);
        String key = ProviderKeys.normalize(providerKey);
        return new ItemResponse<>(views.toView(views.find(machineId, key)
                .orElseThrow(() -> ApiException.notFound("runtime endpoint", key + " of machine " + machineId))));
    }

    @PutMapping("/{providerKey}")
    ResponseEntity<ItemResponse<Map<String, Object>>> upsert(@PathVariable String machineId,
            @PathVariable String providerKey, @Valid @RequestBody EndpointSpec spec) {
        RuntimeEndpointService.Upserted result = service.upsertManual(machineId, providerKey, spec);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ItemResponse<>(views.toView(result.endpoint())));
    }

    @DeleteMapping("/{providerKey}")
    ResponseEntity<Void> delete(@PathVariable String machineId, @PathVariable String providerKey) {
        service.delete(machineId, providerKey);
        return ResponseEntity.noContent().build();
    }
}
