package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST …/resolve through the resolver worker, with every policy rule in play. */
class ResolveApiTest {

    private final Api api = TestStack.api();

    private String machineWithQvac(List<String> policyIds) {
        String machineId = Fixtures.createMachine(api);
        api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:11434")).expect(201);
        if (!policyIds.isEmpty()) {
            api.patch("/api/v1/machines/" + machineId, Map.of("policyIds", policyIds)).expect(200);
        }
        return machineId;
    }

    private String policy(Map<String, Object> rules) {
        Map<String, Object> body = new HashMap<>(rules);
        body.put("name", "test policy");
        return api.post("/api/v1/policies", body).expect(201).item().get("id").asString();
    }

    private String inferenceTask(String machineId) {
        return api.post("/api/v1/machines/" + machineId + "/tasks", Map.of("serviceType", "compute.marketplace", "taskType", "chat",
                "operation", "run-private-inference")).expect(201).item().get("id").asString();
    }

    private Api.Response resolve(String machineId, String taskId) {
        return api.post("/api/v1/machines/" + machineId + "/tasks/" + taskId + "/resolve", null);
    }

    @Test
    void withoutPoliciesTheBestCandidateIsSelectedAndTheRestFormTheFallbackChain() {
        String machineId = machineWithQvac(List.of());
        String taskId = inferenceTask(machineId);
        JsonNode body = resolve(machineId, taskId).expect(201).body();
        JsonNode route = body.get("item");
        assertThat(route.get("id").asString()).startsWith("route_");
        assertThat(route.get("status").asString()).isEqualTo("selected");
        assertThat(route.get("selectedServiceId").asString()).isEqualTo("svc_qvac_private_inference");
        assertThat(route.get("selectedSkillKey").asString()).isEqualTo("qvac-private-inference");
        assertThat(route.get("executionMode").asString()).isEqualTo("native");
        assertThat(route.get("integrationStatus").asString()).isEqualTo("live");
        assertThat(route.get("handoff").isNull()).isTrue();
        assertThat(route.get("fallbackChain").get(0).get("serviceId").asString()).isEqualTo("svc_akash_gpu");
        assertThat(route.get("fallbackChain").get(0).get("executionMode").asString()).isEqualTo("external-handoff");
        assertThat(route.get("reason").asString()).startsWith("selected svc_qvac_private_inference");
        assertThat(body.get("resolution").get("kind").asString()).isEqualTo("native");

        JsonNode task = api.get("/api/v1/machines/" + machineId + "/tasks/" + taskId).expect(200).item();
        assertThat(task.get("status").asString()).isEqualTo("resolved");
        assertThat(task.get("routeId").asString()).isEqualTo(route.get("id").asString());
        assertThat(api.get("/api/v1/machines/" + machineId + "/routes").expect(200).body().get("items")).hasSize(1);
    }

    @Test
    void aDeniedSkillLosesWithItsReasonAndTheNextCandidateWins() {
        String machineId = machineWithQvac(List.of(policy(Map.of("deniedSkillKeys", List.of("qvac-private-inference")))));
        JsonNode route = resolve(machineId, inferenceTask(machineId)).expect(201).body().get("item");
        assertThat(route.get("selectedServiceId").asString()).isEqualTo("svc_akash_gpu");
        assertThat(route.get("executionMode").asString()).isEqualTo("external-handoff");
        assertThat(route.get("handoff").get("url").asString()).isEqualTo("https://console.akash.network");
        assertThat(route.get("reason").asString()).contains("svc_qvac_private_inference rejected by policy", "(deniedSkillKeys)");
    }

    @Test
    void nothingEligibleBlocksTheRouteAndFailsTheTask() {
        String machineId = machineWithQvac(List.of(policy(Map.of("allowedSkillKeys", List.of("storage.object")))));
        String taskId = inferenceTask(machineId);
        JsonNode body = resolve(machineId, taskId).expect(201).body();
        assertThat(body.get("item").get("status").asString()).isEqualTo("blocked");
        assertThat(body.get("item").get("fallbackChain")).isEmpty();
        assertThat(body.get("resolution").get("kind").asString()).isEqualTo("unavailable");
        assertThat(body.get("resolution").get("reason").asString()).contains("no candidate is allowed", "(allowedSkillKeys)");
        assertThat(api.get("/api/v1/machines/" + machineId + "/tasks/" + taskId).item().get("status").asString()).isEqualTo("failed");
    }

    @Test
    void everyPolicyRuleShapesTheRoute() {
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("nativeOnly", true), "svc_qvac_private_inference");
        cases.put(Map.of("handoffAllowed", false), "svc_qvac_private_inference");
        cases.put(Map.of("budgetCap", Map.of("amount", 1, "currency", "USD"), "deniedSkillKeys", List.of("qvac-private-inference")), "");
        cases.put(Map.of("regionRules", List.of("!us-*"), "deniedSkillKeys", List.of("qvac-private-inference")), "");
        cases.put(Map.of("regionRules", List.of("us-*"), "deniedSkillKeys", List.of("qvac-private-inference")), "svc_akash_gpu");
        cases.put(Map.of("requiredCapabilities", List.of("gpu")), "svc_akash_gpu");
        cases.put(Map.of("requiredCapabilities", List.of("private")), "svc_qvac_private_inference");
        cases.forEach((rules, expected) -> {
            String machineId = machineWithQvac(List.of(policy(rules)));
            JsonNode route = resolve(machineId, inferenceTask(machineId)).expect(201).body().get("item");
            assertThat(route.get("selectedServiceId").asString()).as(rules.toString()).isEqualTo(expected);
            assertThat(route.get("status").asString()).as(rules.toString()).isEqualTo(expected.isEmpty() ? "blocked" : "selected");
        });
    }

    @Test
    void aResolvedTaskMayBeResolvedAgainAndAnUnknownOneIsNotFound() {
        String machineId = machineWithQvac(List.of());
        String taskId = inferenceTask(machineId);
        resolve(machineId, taskId).expect(201);
        resolve(machineId, taskId).expect(201);
        resolve(machineId, "task_missing").expectError(404, "NOT_FOUND");
    }
}
