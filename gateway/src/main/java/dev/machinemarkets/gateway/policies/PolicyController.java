package dev.machinemarkets.gateway.policies;

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

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ItemResponse;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

    private final PolicyService service;
    private final PolicyViews views;

    PolicyController(PolicyService service, PolicyViews views) {
        this.service = service;
        this.views = views;
    }

    @GetMapping
    ListResponse<Map<String, Object>> list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(views.page(page), d -> d.getString("_id"), AvroDocuments::toView);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse<Map<String, Object>> create(@Valid @RequestBody CreatePolicyRequest request) {
        return new ItemResponse<>(AvroDocuments.toView(service.create(request)));
    }

    @GetMapping("/{policyId}")
    ItemResponse<Map<String, Object>> get(@PathVariable String policyId) {
        return new ItemResponse<>(AvroDocuments.toView(views.find(policyId).orElseThrow(() -> ApiException.notFound("policy", policyId))));
    }

    @PatchMapping("/{policyId}")
    ItemResponse<Map<String, Object>> update(@PathVariable String policyId, @RequestBody JsonNode body) {
        return new ItemResponse<>(AvroDocuments.toView(service.update(policyId, body)));
    }
}
