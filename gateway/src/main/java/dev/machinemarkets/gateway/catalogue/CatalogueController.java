package dev.machinemarkets.gateway.catalogue;

import java.util.LinkedHashMap;
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

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ItemResponse;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import dev.machinemarkets.platform.web.WireEnum;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1")
class CatalogueController {

    private final CatalogueService service;
    private final CatalogueViews views;

    CatalogueController(CatalogueService service, CatalogueViews views) {
        this.service = service;
        this.views = views;
    }

    @GetMapping("/skills")
    ListResponse<Map<String, Object>> skills(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(views.skills(page), d -> d.getString("_id"), AvroDocuments::toView);
    }

    @GetMapping("/skills/{key}")
    ItemResponse<Map<String, Object>> skill(@PathVariable String key) {
        return new ItemResponse<>(AvroDocuments.toView(views.skill(key).orElseThrow(() -> ApiException.notFound("skill", key))));
    }

    @GetMapping("/services")
    ListResponse<Map<String, Object>> services(@RequestParam(required = false) String serviceType,
            @RequestParam(required = false) String skillKey, @RequestParam(required = false) String providerKey,
            @RequestParam(required = false) String executionMode, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        if (executionMode != null && !executionMode.equals("native") && !executionMode.equals("external-handoff")) {
            throw ApiException.invalid("executionMode", "must be one of " + WireEnum.values(CatalogueEnums.ExecutionMode.class));
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("serviceType", serviceType);
        filters.put("skillKey", skillKey);
        filters.put("providerKey", providerKey == null ? null : providerKey.toLowerCase(java.util.Locale.ROOT));
        filters.put("executionMode", executionMode);
        return page.page(views.services(filters, page), d -> d.getString("_id"), AvroDocuments::toView);
    }

    @GetMapping("/services/{serviceId}")
    ItemResponse<Map<String, Object>> service(@PathVariable String serviceId) {
        return new ItemResponse<>(AvroDocuments.toView(views.service(serviceId).orElseThrow(() -> ApiException.notFound("service", serviceId))));
    }

    @PutMapping("/services/{serviceId}")
    ResponseEntity<ItemResponse<Map<String, Object>>> put(@PathVariable String serviceId,
            @Valid @RequestBody CatalogueRequests.Service request) {
        CatalogueService.Upserted result = service.upsertService(serviceId, request);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ItemResponse<>(AvroDocuments.toView(result.service())));
    }

    @DeleteMapping("/services/{serviceId}")
    ResponseEntity<Void> delete(@PathVariable String serviceId) {
        service.deleteService(serviceId);
        return ResponseEntity.noContent().build();
    }
}
