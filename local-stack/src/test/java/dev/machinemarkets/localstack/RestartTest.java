package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** What was written before the stack stopped is there after it starts again on the same data folder. */
class RestartTest {

    @Test
    void dataSurvivesARestartOfTheWholeStack() {
        Path dataDir = TestStack.tempDir("mmo-restart-");
        LocalStack.Options options = LocalStack.Options.forTests(dataDir, Map.of(), null);
        String machineId;
        String agentId;
        String agentToken;
        JsonNode endpointBefore;
        int auditBefore;
        try (LocalStack stack = LocalStack.start(options)) {
            Api api = new Api(stack.gatewayUrl());
            machineId = Fixtures.createMachine(api);
            endpointBefore = api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac",
                    Map.of("endpointBaseUrl", "http://127.0.0.1:8000", "authType", "bearer", "authToken", "t0ken")).expect(201).item();
            Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
            agentId = agent.id();
            agentToken = agent.token();
            auditBefore = await().atMost(Duration.ofSeconds(20)).until(() -> auditCount(api, machineId), n -> n == 3);
        }

        try (LocalStack stack = LocalStack.start(options)) {
            Api api = new Api(stack.gatewayUrl());
            assertThat(api.get("/api/v1/machines/" + machineId).expect(200).item().get("id").asString()).isEqualTo(machineId);
            assertThat(api.get("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac").expect(200).item()).isEqualTo(endpointBefore);
            assertThat(auditCount(api, machineId)).isEqualTo(auditBefore);

            Map<String, Object> heartbeat = new HashMap<>(Map.of("machineId", machineId, "agentId", agentId, "agentToken", agentToken,
                    "endpoints", List.of(Map.of("providerKey", "qvac", "endpointBaseUrl", "http://127.0.0.1:8001"))));
            api.post("/api/v1/machine-agents/heartbeat", heartbeat).expect(200);
            api.patch("/api/v1/machines/" + machineId, Map.of("displayName", "After restart")).expect(200);
            assertThat(api.get("/api/v1/machines/" + machineId).item().get("displayName").asString()).isEqualTo("After restart");
            await().atMost(Duration.ofSeconds(20)).until(() -> auditCount(api, machineId), n -> n == auditBefore + 3);
        }
    }

    private static int auditCount(Api api, String machineId) {
        return api.get("/api/v1/audit-events?machineId=" + machineId).expect(200).body().get("items").size();
    }
}
