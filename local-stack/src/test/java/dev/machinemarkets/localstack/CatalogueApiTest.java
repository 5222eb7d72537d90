package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class CatalogueApiTest {

    private final Api api = TestStack.api();

    static Map<String, Object> serviceBody(String skillKey, String executionMode) {
        Map<String, Object> body = new HashMap<>();
        body.put("skillKey", skillKey);
        body.put("providerKey", "QVAC");
        body.put("companyName", "Test Co");
        body.put("serviceType", "compute.marketplace");
        body.put("name", "Test service");
        body.put("operations", List.of("run-private-inference"));
        body.put("executionMode", executionMode);
        body.put("integrationStatus", "live");
        body.put("capabilities", List.of("llm"));
        body.put("pricing", Map.of("mode", "fixed", "amount", 0.5, "currency", "usd"));
        body.put("metadata", Map.of("tier", "test"));
        return body;
    }

    @Test
    void theShippedCatalogueCoversEveryServiceType() {
        JsonNode services = api.get("/api/v1/services?limit=500").expect(200).body().get("items");
        Set<String> types = new HashSet<>();
        services.forEach(s -> types.add(s.get("serviceType").asString()));
        assertThat(types).contains("oracle.price-feed", "compute.marketplace", "storage.object", "data.location",
                "identity.proof-of-person", "device.control", "machine.commerce", "network.partner-console");

        JsonNode qvac = api.get("/api/v1/services/svc_qvac_private_inference").expect(200).item();
        assertThat(qvac.get("providerKey").asString()).isEqualTo("qvac");
        assertThat(qvac.get("executionMode").asString()).isEqualTo("native");
        assertThat(qvac.get("metadata").get("probePath").asString()).isEqualTo("/v1/models");
        services.forEach(s -> {
            if (s.get("executionMode").asString().equals("external-handoff")) {
                assertThat(s.get("handoff").get("url").asString()).as(s.get("id").asString()).startsWith("https://");
                assertThat(s.get("handoff").get("notes").isArray()).isTrue();
            }
        });

        JsonNode skill = api.get("/api/v1/skills/qvac-private-inference").expect(200).item();
        assertThat(skill.get("operations").toString()).isEqualTo("[\"run-private-inference\"]");
        assertThat(skill.get("integrationStatus").asString()).isEqualTo("live");
        assertThat(api.get("/api/v1/skills").expect(200).body().get("items").size()).isGreaterThanOrEqualTo(9);
        api.get("/api/v1/skills/nope").expectError(404, "NOT_FOUND");
        api.get("/api/v1/services/nope").expectError(404, "NOT_FOUND");
    }

    @Test
    void servicesFilterBySkillTypeProviderAndMode() {
        for (JsonNode s : api.get("/api/v1/services?executionMode=native").expect(200).body().get("items")) {
            assertThat(s.get("executionMode").asString()).isEqualTo("native");
        }
        assertThat(api.get("/api/v1/services?providerKey=QVAC&serviceType=compute.marketplace").body().get("items").get(0).get("id")
                .asString()).isEqualTo("svc_qvac_private_inference");
        assertThat(api.get("/api/v1/services?skillKey=storage.object").body().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/services?executionMode=teleport").expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("executionMode");
    }

    @Test
    void servicesAreChangedAtRunTimeWithEvents() {
        String id = "svc_test_" + System.nanoTime();
        JsonNode created = api.put("/api/v1/services/" + id, serviceBody("qvac-private-inference", "native")).expect(201).item();
        assertThat(created.get("providerKey").asString()).isEqualTo("qvac");
        assertThat(created.get("region").asString()).isEqualTo("global");
        assertThat(created.get("pricing").get("currency").asString()).isEqualTo("USD");
        assertThat(created.get("metadata").get("tier").asString()).isEqualTo("test");

        Map<String, Object> renamed = serviceBody("qvac-private-inference", "native");
        renamed.put("name", "Renamed");
        assertThat(api.put("/api/v1/services/" + id, renamed).expect(200).item().get("name").asString()).isEqualTo("Renamed");

        assertThat(api.put("/api/v1/services/" + id, serviceBody("no-such-skill", "native")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("skillKey");
        assertThat(api.put("/api/v1/services/" + id, serviceBody("qvac-private-inference", "external-handoff"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("handoff");
        Map<String, Object> badType = serviceBody("qvac-private-inference", "native");
        badType.put("serviceType", "teleport");
        assertThat(api.put("/api/v1/services/" + id, badType).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("serviceType");
        Map<String, Object> badStatus = serviceBody("qvac-private-inference", "native");
        badStatus.put("integrationStatus", "maybe");
        assertThat(api.put("/api/v1/services/" + id, badStatus).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("integrationStatus");

        api.delete("/api/v1/services/" + id).expect(204);
        api.get("/api/v1/services/" + id).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/services/" + id).expectError(404, "NOT_FOUND");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> types = new java.util.ArrayList<>();
            api.get("/api/v1/audit-events?resourceType=service&resourceId=" + id).body().get("items")
                    .forEach(e -> types.add(e.get("type").asString()));
            assertThat(types).containsExactly("catalogue.service.deleted", "catalogue.service.upserted", "catalogue.service.upserted");
        });
    }
}
