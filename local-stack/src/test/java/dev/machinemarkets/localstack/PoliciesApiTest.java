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

class PoliciesApiTest {

    private final Api api = TestStack.api();

    private String createPolicy(Map<String, Object> body) {
        return api.post("/api/v1/policies", body).expect(201).item().get("id").asString();
    }

    @Test
    void aPolicyHasTheSeedDefaults() {
        JsonNode policy = api.post("/api/v1/policies", Map.of("name", "Default")).expect(201).item();
        assertThat(policy.get("id").asString()).startsWith("pol_");
        assertThat(policy.get("allowedSkillKeys")).isEmpty();
        assertThat(policy.get("deniedSkillKeys")).isEmpty();
        assertThat(policy.get("regionRules")).isEmpty();
        assertThat(policy.get("requiredCapabilities")).isEmpty();
        assertThat(policy.get("budgetCap").isNull()).isTrue();
        assertThat(policy.get("nativeOnly").asBoolean()).isFalse();
        assertThat(policy.get("handoffAllowed").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/policies/" + policy.get("id").asString()).expect(200).item()).isEqualTo(policy);
    }

    @Test
    void everyFieldIsKeptAsGiven() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "EU inference");
        body.put("allowedSkillKeys", List.of("qvac-private-inference"));
        body.put("deniedSkillKeys", List.of("storage.object"));
        body.put("budgetCap", Map.of("amount", 12.5, "currency", "usd"));
        body.put("regionRules", List.of("EU-*", "!eu-south-1"));
        body.put("requiredCapabilities", List.of("gpu"));
        JsonNode policy = api.post("/api/v1/policies", body).expect(201).item();
        assertThat(policy.get("budgetCap").get("amount").asDouble()).isEqualTo(12.5);
        assertThat(policy.get("budgetCap").get("currency").asString()).isEqualTo("USD");
        assertThat(policy.get("regionRules").toString()).isEqualTo("[\"eu-*\",\"!eu-south-1\"]");
        assertThat(policy.get("requiredCapabilities").toString()).isEqualTo("[\"gpu\"]");
    }

    @Test
    void badPoliciesAreRefusedWithTheFieldAtFault() {
        assertThat(api.post("/api/v1/policies", Map.of()).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("name");
        assertThat(api.post("/api/v1/policies", Map.of("name", " ")).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("name");
        assertThat(api.post("/api/v1/policies", Map.of("name", "x", "allowedSkillKeys", List.of("a", "b"), "deniedSkillKeys", List.of("b")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("deniedSkillKeys");
        assertThat(api.post("/api/v1/policies", Map.of("name", "x", "budgetCap", Map.of("amount", -1, "currency", "USD")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("budgetCap.amount");
        assertThat(api.post("/api/v1/policies", Map.of("name", "x", "budgetCap", Map.of("amount", 1, "currency", "dollars")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("budgetCap.currency");
        assertThat(api.post("/api/v1/policies", Map.of("name", "x", "budgetCap", Map.of("currency", "USD")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("budgetCap.amount");
        assertThat(api.post("/api/v1/policies", Map.of("name", "x", "regionRules", List.of("eu west")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("regionRules[0]");
        assertThat(api.post("/api/v1/policies", Map.of("name", "x", "nativeOnly", "yes"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("nativeOnly");
    }

    @Test
    void nativeOnlyWinsOverTheHandoffDefaultButAnExplicitContradictionIsRefused() {
        JsonNode nativeOnly = api.post("/api/v1/policies", Map.of("name", "Native", "nativeOnly", true)).expect(201).item();
        assertThat(nativeOnly.get("handoffAllowed").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/policies", Map.of("name", "Both", "nativeOnly", true, "handoffAllowed", true))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("handoffAllowed");

        String id = nativeOnly.get("id").asString();
        assertThat(api.patch("/api/v1/policies/" + id, Map.of("handoffAllowed", true)).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("handoffAllowed");
        JsonNode relaxed = api.patch("/api/v1/policies/" + id, Map.of("nativeOnly", false, "handoffAllowed", true)).expect(200).item();
        assertThat(relaxed.get("handoffAllowed").asBoolean()).isTrue();
        JsonNode strict = api.patch("/api/v1/policies/" + id, Map.of("nativeOnly", true)).expect(200).item();
        assertThat(strict.get("handoffAllowed").asBoolean()).isFalse();
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String id = createPolicy(Map.of("name", "P", "allowedSkillKeys", List.of("a"), "budgetCap", Map.of("amount", 5, "currency", "EUR")));
        JsonNode patched = api.patch("/api/v1/policies/" + id, Map.of("name", "Renamed", "regionRules", List.of("eu-*"))).expect(200).item();
        assertThat(patched.get("name").asString()).isEqualTo("Renamed");
        assertThat(patched.get("allowedSkillKeys").toString()).isEqualTo("[\"a\"]");
        assertThat(patched.get("budgetCap").get("currency").asString()).isEqualTo("EUR");

        Map<String, Object> clearCap = new HashMap<>();
        clearCap.put("budgetCap", null);
        assertThat(api.patch("/api/v1/policies/" + id, clearCap).expect(200).item().get("budgetCap").isNull()).isTrue();
        assertThat(api.patch("/api/v1/policies/" + id, Map.of("deniedSkillKeys", List.of("a"))).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("deniedSkillKeys");
        assertThat(api.patch("/api/v1/policies/" + id, Map.of("budgetCap", Map.of("amount", 1, "currency", "EUR", "per", "day")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("budgetCap.per");
        assertThat(api.patch("/api/v1/policies/" + id, Map.of("colour", "red")).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("colour");
        api.patch("/api/v1/policies/pol_missing", Map.of("name", "x")).expectError(404, "NOT_FOUND");
        api.get("/api/v1/policies/pol_missing").expectError(404, "NOT_FOUND");
    }

    @Test
    void policiesPageAndAreAudited() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(createPolicy(Map.of("name", "Paged " + i)));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/policies?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).body();
            page.get("items").forEach(p -> seen.add(p.get("id").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(seen).containsAll(created);
        api.get("/api/v1/policies?limit=0").expectError(400, "VALIDATION_ERROR");

        String id = created.iterator().next();
        api.patch("/api/v1/policies/" + id, Map.of("name", "Audited")).expect(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode events = api.get("/api/v1/audit-events?resourceType=policy&resourceId=" + id).body().get("items");
            assertThat(events).hasSize(2);
            assertThat(events.get(0).get("type").asString()).isEqualTo("policy.updated");
            assertThat(events.get(1).get("type").asString()).isEqualTo("policy.created");
        });
    }

    @Test
    void machinesBindPoliciesThroughPolicyIds() {
        String machineId = Fixtures.createMachine(api);
        String first = createPolicy(Map.of("name", "One"));
        String second = createPolicy(Map.of("name", "Two"));
        JsonNode bound = api.patch("/api/v1/machines/" + machineId, Map.of("policyIds", List.of(first, second))).expect(200).item();
        assertThat(bound.get("policyIds").toString()).isEqualTo("[\"" + first + "\",\"" + second + "\"]");
        assertThat(api.patch("/api/v1/machines/" + machineId, Map.of("policyIds", List.of(first, "pol_missing")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("policyIds[1]");

        Map<String, Object> machine = Fixtures.machineBody();
        machine.put("policyIds", List.of("pol_missing"));
        assertThat(api.post("/api/v1/machines", machine).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("policyIds[0]");
        machine.put("policyIds", List.of(first));
        assertThat(api.post("/api/v1/machines", machine).expect(201).item().get("policyIds").size()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode updates = api.get("/api/v1/audit-events?type=machine.updated&resourceId=" + machineId).body().get("items");
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0).get("payload").get("changedFields").toString()).isEqualTo("[\"policyIds\"]");
        });
    }
}
