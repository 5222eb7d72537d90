package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class TasksApiTest {

    private final Api api = TestStack.api();

    private static String tasks(String machineId) {
        return "/api/v1/machines/" + machineId + "/tasks";
    }

    private static Map<String, Object> inferenceTask() {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceType", "compute.marketplace");
        body.put("taskType", "chat");
        body.put("operation", "run-private-inference");
        body.put("input", Map.of("messages", List.of(Map.of("role", "user", "content", "hello"))));
        return body;
    }

    @Test
    void aTaskHasTheSeedDefaults() {
        String machineId = Fixtures.createMachine(api);
        JsonNode task = api.post(tasks(machineId), Map.of("serviceType", "storage.object", "taskType", "backup")).expect(201).item();
        assertThat(task.get("id").asString()).startsWith("task_");
        assertThat(task.get("status").asString()).isEqualTo("queued");
        assertThat(task.get("input").size()).isZero();
        JsonNode constraints = task.get("constraints");
        assertThat(constraints.get("allowExternalHandoff").asBoolean()).isTrue();
        assertThat(constraints.get("requireNativeExecution").asBoolean()).isFalse();
        assertThat(constraints.get("requiredCapabilities")).isEmpty();
        assertThat(constraints.has("region")).isFalse();
        assertThat(constraints.has("budget")).isFalse();
        assertThat(constraints.has("preferredSkillKeys")).isFalse();
        assertThat(task.get("discovery").get("maxCandidates").asInt()).isEqualTo(10);
        assertThat(task.has("operation")).isFalse();
        assertThat(task.get("routeId").isNull()).isTrue();
        assertThat(task.get("outcomeId").isNull()).isTrue();

        assertThat(api.get(tasks(machineId) + "/" + task.get("id").asString()).expect(200).item()).isEqualTo(task);
        assertThat(api.get(tasks(machineId)).expect(200).body().get("items")).hasSize(1);
        api.get(tasks(machineId) + "/task_missing").expectError(404, "NOT_FOUND");
    }

    @Test
    void taskInputIsValidated() {
        String machineId = Fixtures.createMachine(api);
        assertThat(api.post(tasks(machineId), Map.of("serviceType", "teleport", "taskType", "x")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("serviceType");
        assertThat(api.post(tasks(machineId), Map.of("serviceType", "storage.object")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("taskType");
        assertThat(api.post(tasks(machineId), Map.of("serviceType", "storage.object", "taskType", "x",
                "constraints", Map.of("budget", -1))).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("constraints.budget");
        assertThat(api.post(tasks(machineId), Map.of("serviceType", "storage.object", "taskType", "x",
                "constraints", Map.of("preferredSkillKeys", List.of("storage.object", "nope")))).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("constraints.preferredSkillKeys[1]");
        for (int bad : new int[] {0, 26}) {
            assertThat(api.post(tasks(machineId), Map.of("serviceType", "storage.object", "taskType", "x",
                    "discovery", Map.of("maxCandidates", bad))).expectError(400, "VALIDATION_ERROR").errorFields())
                    .containsExactly("discovery.maxCandidates");
        }
        api.post(tasks("mach_missing"), Map.of("serviceType", "storage.object", "taskType", "x")).expectError(404, "NOT_FOUND");
    }

    @Test
    void withALiveQvacRuntimeDiscoveryOffersTheNativeServiceFirst() {
        String machineId = Fixtures.createMachine(api);
        api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:11434")).expect(201);
        String taskId = api.post(tasks(machineId), inferenceTask()).expect(201).item().get("id").asString();

        JsonNode discovery = api.post(tasks(machineId) + "/" + taskId + "/discover", Map.of()).expect(200).body();
        assertThat(discovery.get("taskId").asString()).isEqualTo(taskId);
        assertThat(discovery.get("resolution").get("kind").asString()).isEqualTo("native");
        JsonNode best = discovery.get("candidates").get(0);
        assertThat(best.get("service").get("id").asString()).isEqualTo("svc_qvac_private_inference");
        assertThat(best.get("executionMode").asString()).isEqualTo("native");
        assertThat(best.get("score").asDouble()).isGreaterThan(discovery.get("candidates").get(1).get("score").asDouble());
        assertThat(best.get("reasons").toString()).contains("runs natively on the machine's live qvac runtime");
        assertThat(discovery.get("candidates").get(1).get("service").get("id").asString()).isEqualTo("svc_akash_gpu");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/audit-events?type=task.discovered&resourceId=" + taskId).body().get("items")).hasSize(1));
    }

    @Test
    void withoutALiveRuntimeTheNativeServiceFallsBackOrIsExcluded() {
        String machineId = Fixtures.createMachine(api);
        api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:11434",
                "leaseExpiresAt", TestStack.CLOCK.instant().minusSeconds(5).toString())).expect(201);
        String taskId = api.post(tasks(machineId), inferenceTask()).expect(201).item().get("id").asString();

        JsonNode discovery = api.post(tasks(machineId) + "/" + taskId + "/discover", Map.of()).expect(200).body();
        assertThat(discovery.get("resolution").get("kind").asString()).isEqualTo("handoff");
        assertThat(discovery.get("resolution").get("handoff").get("url").asString()).startsWith("https://");
        List<String> excluded = new ArrayList<>();
        discovery.get("excluded").forEach(e -> excluded.add(e.get("serviceId").asString() + ": " + e.get("reason").asString()));
        assertThat(excluded).anySatisfy(e -> assertThat(e).startsWith("svc_qvac_private_inference: needs a live qvac runtime endpoint"));

        JsonNode nativeOnly = api.post(tasks(machineId) + "/" + taskId + "/discover", Map.of("requireNativeExecution", true)).expect(200).body();
        assertThat(nativeOnly.get("resolution").get("kind").asString()).isEqualTo("unavailable");
        assertThat(nativeOnly.get("resolution").get("reason").asString()).contains("svc_qvac_private_inference");
        assertThat(nativeOnly.get("candidates")).isEmpty();

        assertThat(api.post(tasks(machineId) + "/" + taskId + "/discover", Map.of("maxCandidates", 30)).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("maxCandidates");
        api.post(tasks(machineId) + "/task_missing/discover", Map.of()).expectError(404, "NOT_FOUND");
    }
}
