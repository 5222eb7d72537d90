package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST …/execute through the executor worker, against real local HTTP servers standing in for runtimes. */
class ExecuteApiTest {

    private static final StubRuntime QVAC = new StubRuntime();
    private static final StubRuntime DEVICE = new StubRuntime();
    private final Api api = TestStack.api();

    @AfterAll
    static void stopStubs() {
        QVAC.close();
        DEVICE.close();
    }

    private String machine(String providerKey, StubRuntime runtime, Map<String, Object> endpoint, List<Map<String, Object>> policies) {
        String machineId = Fixtures.createMachine(api);
        if (runtime != null) {
            Map<String, Object> body = new HashMap<>(endpoint);
            body.put("endpointBaseUrl", runtime.url());
            api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/" + providerKey, body).expect(201);
        }
        if (!policies.isEmpty()) {
            List<String> ids = policies.stream().map(rules -> {
                Map<String, Object> policy = new HashMap<>(rules);
                policy.put("name", "execute test");
                return api.post("/api/v1/policies", policy).expect(201).item().get("id").asString();
            }).toList();
            api.patch("/api/v1/machines/" + machineId, Map.of("policyIds", ids)).expect(200);
        }
        return machineId;
    }

    private String resolvedTask(String machineId, String serviceType, String operation, Map<String, Object> input) {
        String taskId = api.post("/api/v1/machines/" + machineId + "/tasks", Map.of("serviceType", serviceType, "taskType", "test",
                "operation", operation, "input", input)).expect(201).item().get("id").asString();
        api.post("/api/v1/machines/" + machineId + "/tasks/" + taskId + "/resolve", null).expect(201);
        return taskId;
    }

    private Api.Response execute(String machineId, String taskId, Map<String, String> headers) {
        return api.send("POST", "/api/v1/machines/" + machineId + "/tasks/" + taskId + "/execute", Map.of(), headers);
    }

    private JsonNode task(String machineId, String taskId) {
        return api.get("/api/v1/machines/" + machineId + "/tasks/" + taskId).expect(200).item();
    }

    @Test
    void aNativeRouteCallsTheQvacRuntimeWithItsCredentialsAndCompletes() {
        QVAC.failWith(0);
        String machineId = machine("qvac", QVAC, Map.of("authType", "bearer", "authToken", "qvac-secret", "modelAlias", "qwen2.5"), List.of());
        String taskId = resolvedTask(machineId, "compute.marketplace", "run-private-inference", Map.of("prompt", "say hello"));
        int before = QVAC.calls("/v1/chat/completions").size();

        JsonNode body = execute(machineId, taskId, Map.of("Idempotency-Key", "key-" + taskId)).expect(200).body();
        JsonNode outcome = body.get("item");
        assertThat(outcome.get("status").asString()).isEqualTo("completed");
        assertThat(outcome.get("serviceId").asString()).isEqualTo("svc_qvac_private_inference");
        assertThat(outcome.get("result").get("choices").get(0).get("message").get("content").asString()).isEqualTo("hello from the stub");
        assertThat(outcome.get("errorCode").isNull()).isTrue();
        assertThat(body.get("run").get("status").asString()).isEqualTo("completed");
        assertThat(body.get("run").get("outcomeId").asString()).isEqualTo(outcome.get("id").asString());
        assertThat(body.get("resolution").get("kind").asString()).isEqualTo("native");

        List<StubRuntime.Request> calls = QVAC.calls("/v1/chat/completions");
        assertThat(calls).hasSize(before + 1);
        StubRuntime.Request call = calls.get(calls.size() - 1);
        assertThat(call.header("Authorization")).isEqualTo("Bearer qvac-secret");
        assertThat(call.header("Idempotency-Key")).isEqualTo("key-" + taskId);
        assertThat(call.body()).contains("\"model\": \"qwen2.5\"").contains("say hello");

        JsonNode task = task(machineId, taskId);
        assertThat(task.get("status").asString()).isEqualTo("completed");
        assertThat(task.get("outcomeId").asString()).isEqualTo(outcome.get("id").asString());
        assertThat(api.get("/api/v1/machines/" + machineId + "/routes").body().get("items").get(0).get("status").asString()).isEqualTo("completed");

        String runId = body.get("run").get("id").asString();
        JsonNode run = api.get("/api/v1/runs/" + runId).expect(200).body();
        assertThat(run.get("run").get("id").asString()).isEqualTo(runId);
        assertThat(run.get("outcome").get("id").asString()).isEqualTo(outcome.get("id").asString());
        assertThat(api.get("/api/v1/runs?machineId=" + machineId + "&status=completed&executionMode=native").body().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/runs?machineId=" + machineId + "&status=failed").body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/machines/" + machineId + "/outcomes").body().get("items")).hasSize(1);

        JsonNode again = execute(machineId, taskId, Map.of("Idempotency-Key", "key-" + taskId)).expect(200).body();
        assertThat(again.get("item").get("id")).isEqualTo(outcome.get("id"));
        assertThat(QVAC.calls("/v1/chat/completions")).hasSize(before + 1);
        execute(machineId, taskId, Map.of()).expectError(409, "TASK_STATE_CONFLICT");
    }

    @Test
    void withoutARouteThereIsNothingToExecute() {
        String machineId = machine("qvac", QVAC, Map.of(), List.of());
        String taskId = api.post("/api/v1/machines/" + machineId + "/tasks", Map.of("serviceType", "compute.marketplace", "taskType", "x"))
                .expect(201).item().get("id").asString();
        execute(machineId, taskId, Map.of()).expectError(409, "ROUTE_REQUIRED");

        String blocked = machine("qvac", QVAC, Map.of(), List.of(Map.of("allowedSkillKeys", List.of("storage.object"))));
        String blockedTask = resolvedTask(blocked, "compute.marketplace", "run-private-inference", Map.of());
        execute(blocked, blockedTask, Map.of()).expectError(409, "ROUTE_REQUIRED");
        execute(blocked, "task_missing", Map.of()).expectError(404, "NOT_FOUND");
        api.get("/api/v1/runs").expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/runs/run_missing").expectError(404, "NOT_FOUND");
    }

    @Test
    void aHandoffRouteAnswers202WithTheHandoff() {
        String machineId = machine("qvac", null, Map.of(), List.of());
        String taskId = resolvedTask(machineId, "storage.object", "put-object", Map.of());
        JsonNode body = execute(machineId, taskId, Map.of()).expect(202).body();
        assertThat(body.get("item").get("status").asString()).isEqualTo("external");
        assertThat(body.get("item").get("externalRef").asString()).isEqualTo("https://filecoin.io/store");
        assertThat(body.get("run").get("status").asString()).isEqualTo("external");
        assertThat(body.get("resolution").get("kind").asString()).isEqualTo("handoff");
        assertThat(body.get("resolution").get("handoff").get("url").asString()).isEqualTo("https://filecoin.io/store");
        assertThat(task(machineId, taskId).get("status").asString()).isEqualTo("handed_off");
    }

    @Test
    void aFailingEndpointFallsBackToTheNextStepOfTheChain() {
        StubRuntime failing = new StubRuntime();
        try {
            failing.failWith(500);
            String machineId = machine("qvac", failing, Map.of(), List.of());
            String taskId = resolvedTask(machineId, "compute.marketplace", "run-private-inference", Map.of("prompt", "hi"));
            JsonNode body = execute(machineId, taskId, Map.of()).expect(202).body();
            assertThat(body.get("item").get("serviceId").asString()).isEqualTo("svc_akash_gpu");
            assertThat(body.get("run").get("summary").asString()).contains("handed off to svc_akash_gpu", "svc_qvac_private_inference", "500");
            assertThat(failing.calls("/v1/chat/completions")).as("retried, then given up").hasSize(3);
        } finally {
            failing.close();
        }
    }

    @Test
    void withNoFallbackARuntimeErrorIs502AndATimeoutIs504() {
        StubRuntime runtime = new StubRuntime();
        try {
            runtime.failWith(503);
            String machineId = machine("qvac", runtime, Map.of(), List.of(Map.of("nativeOnly", true)));
            String failed = resolvedTask(machineId, "compute.marketplace", "run-private-inference", Map.of());
            JsonNode error = execute(machineId, failed, Map.of()).expect(502).body();
            assertThat(error.get("item").get("status").asString()).isEqualTo("failed");
            assertThat(error.get("item").get("errorCode").asString()).isEqualTo("RUNTIME_ERROR");
            assertThat(error.get("item").get("errorMessage").asString()).contains("503");
            assertThat(task(machineId, failed).get("status").asString()).isEqualTo("failed");

            StubRuntime slow = new StubRuntime();
            try {
                slow.stall(2500);
                String slowMachine = machine("qvac", slow, Map.of(), List.of(Map.of("nativeOnly", true)));
                String stalled = resolvedTask(slowMachine, "compute.marketplace", "run-private-inference", Map.of());
                JsonNode timeout = execute(slowMachine, stalled, Map.of()).expect(504).body();
                assertThat(timeout.get("item").get("errorCode").asString()).isEqualTo("RUNTIME_TIMEOUT");
                assertThat(slow.calls("/v1/chat/completions")).as("a time-out is not retried").hasSize(1);
            } finally {
                slow.close();
            }
        } finally {
            runtime.close();
        }
    }

    @Test
    void theBreakerOpensAndClosesAgainThroughHalfOpen() throws Exception {
        DEVICE.failWith(500);
        String machineId = machine("device-runtime", DEVICE, Map.of("authType", "api-key", "authToken", "device-key"), List.of());
        JsonNode first = execute(machineId, resolvedTask(machineId, "device.control", "send-command", Map.of("command", "stop")), Map.of())
                .expect(502).body();
        assertThat(first.get("item").get("errorCode").asString()).isEqualTo("RUNTIME_ERROR");
        assertThat(DEVICE.calls("/invoke").get(0).header("x-api-key")).isEqualTo("device-key");
        int callsWhenOpened = DEVICE.calls("/invoke").size();

        JsonNode open = execute(machineId, resolvedTask(machineId, "device.control", "send-command", Map.of()), Map.of()).expect(503).body();
        assertThat(open.get("item").get("errorCode").asString()).isEqualTo("RUNTIME_UNAVAILABLE");
        assertThat(open.get("item").get("errorMessage").asString()).contains("circuit breaker");
        assertThat(DEVICE.calls("/invoke")).as("an open breaker lets nothing through").hasSize(callsWhenOpened);

        DEVICE.failWith(0);
        Thread.sleep(Duration.ofMillis(1700).toMillis());
        for (int i = 0; i < 3; i++) {
            JsonNode ok = execute(machineId, resolvedTask(machineId, "device.control", "read-state", Map.of()), Map.of()).expect(200).body();
            assertThat(ok.get("item").get("result").get("output").asString()).isEqualTo("done");
        }
        assertThat(DEVICE.calls("/invoke").get(DEVICE.calls("/invoke").size() - 1).body()).contains("\"operation\": \"read-state\"");
    }

    @Test
    void aSelfRunningTaskGoesFromCreatedToCompletedWithNoClientSteps() {
        QVAC.failWith(0);
        String machineId = machine("qvac", QVAC, Map.of(), List.of());
        JsonNode created = api.post("/api/v1/machines/" + machineId + "/tasks", Map.of("serviceType", "compute.marketplace",
                "taskType", "chat", "operation", "run-private-inference", "input", Map.of("prompt", "run by yourself"), "autoRun", true))
                .expect(201).item();
        assertThat(created.get("autoRun").asBoolean()).isTrue();
        String taskId = created.get("id").asString();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(task(machineId, taskId).get("status").asString()).isEqualTo("completed"));
        JsonNode task = task(machineId, taskId);
        assertThat(task.get("routeId").isNull()).isFalse();
        JsonNode outcome = api.get("/api/v1/machines/" + machineId + "/outcomes").body().get("items").get(0);
        assertThat(outcome.get("id").asString()).isEqualTo(task.get("outcomeId").asString());
        assertThat(outcome.get("result").get("choices")).isNotEmpty();
        assertThat(QVAC.calls("/v1/chat/completions")).anySatisfy(c -> assertThat(c.body()).contains("run by yourself"));

        List<String> types = new java.util.ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            types.clear();
            api.get("/api/v1/audit-events?machineId=" + machineId + "&limit=500").body().get("items")
                    .forEach(e -> types.add(0, e.get("type").asString()));
            assertThat(types).containsSubsequence("task.created", "task.discovered", "route.selected", "task.updated", "task.updated",
                    "outcome.recorded", "run.recorded", "task.updated", "route.updated");
        });
    }

    @Test
    void aLapsedLeaseTakesTheNativeCandidateAway() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        Map<String, Object> heartbeat = new HashMap<>(Map.of("machineId", machineId, "agentId", agent.id(), "agentToken", agent.token(),
                "leaseSeconds", 30, "endpoints", List.of(Map.of("providerKey", "qvac", "endpointBaseUrl", QVAC.url()))));
        api.post("/api/v1/machine-agents/heartbeat", heartbeat).expect(200);
        String live = resolvedTask(machineId, "compute.marketplace", "run-private-inference", Map.of());
        assertThat(api.get("/api/v1/machines/" + machineId + "/routes").body().get("items").get(0).get("executionMode").asString())
                .isEqualTo("native");
        assertThat(live).isNotBlank();

        TestStack.CLOCK.advance(Duration.ofSeconds(31));
        String lapsed = api.post("/api/v1/machines/" + machineId + "/tasks", Map.of("serviceType", "compute.marketplace", "taskType", "x",
                "operation", "run-private-inference")).expect(201).item().get("id").asString();
        JsonNode route = api.post("/api/v1/machines/" + machineId + "/tasks/" + lapsed + "/resolve", null).expect(201).body().get("item");
        assertThat(route.get("executionMode").asString()).isEqualTo("external-handoff");
        assertThat(route.get("selectedServiceId").asString()).isEqualTo("svc_akash_gpu");
    }
}
