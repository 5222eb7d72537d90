package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.machinemarkets.gateway.GatewayApplication;
import tools.jackson.databind.JsonNode;

/** How the services behave as deployed: several gateways, API keys, and health on every service. */
class DeploymentTest {

    private final LocalStack stack = TestStack.shared();

    @Test
    void everyServiceReportsItsHealth() {
        assertThat(stack.servicePorts()).containsOnlyKeys("gateway", "discovery-worker", "resolver-worker", "executor-worker", "audit-sink");
        stack.servicePorts().forEach((service, port) -> {
            JsonNode health = new Api("http://127.0.0.1:" + port).get("/health").expect(200).body();
            assertThat(health.get("service").asString()).isEqualTo(service);
            assertThat(health.get("status").asString()).isEqualTo("ok");
        });
    }

    @Test
    void aWriteAcknowledgedByOneGatewayIsReadByAnother() {
        try (ConfigurableApplicationContext second = Services.start(GatewayApplication::application, stack.kafkaBootstrapServers(),
                stack.mongoUri(), Map.of())) {
            Api first = TestStack.api();
            Api other = Services.api(second);
            for (int i = 0; i < 20; i++) {
                Api writer = i % 2 == 0 ? first : other;
                Api reader = i % 2 == 0 ? other : first;
                String machineId = Fixtures.createMachine(writer);
                reader.get("/api/v1/machines/" + machineId).expect(200);
                writer.patch("/api/v1/machines/" + machineId, Map.of("displayName", "Write " + i)).expect(200);
                assertThat(reader.get("/api/v1/machines/" + machineId).item().get("displayName").asString()).isEqualTo("Write " + i);
            }
        }
    }

    @Test
    void withApiAuthRequiredEveryCallButHealthAndHeartbeatNeedsAKey() {
        String machineId = Fixtures.createMachine(TestStack.api());
        Fixtures.Agent agent = Fixtures.enroll(TestStack.api(), machineId, Map.of());
        try (ConfigurableApplicationContext secured = Services.start(GatewayApplication::application, stack.kafkaBootstrapServers(),
                stack.mongoUri(), Map.of("PEAQOS_REQUIRE_API_AUTH", "true", "PEAQOS_API_KEYS", "key-one, key-two"))) {
            Api api = Services.api(secured);
            api.get("/api/v1/machines").expectError(401, "AUTH_REQUIRED");
            api.send("GET", "/api/v1/machines", null, Map.of("x-api-key", "key-three")).expectError(401, "AUTH_REQUIRED");
            api.send("GET", "/api/v1/machines", null, Map.of("x-api-key", "key-two")).expect(200);
            api.send("GET", "/api/v1/audit-events", null, Map.of("x-api-key", "key-one")).expect(200);
            api.get("/health").expect(200);
            api.post("/api/v1/machine-agents/heartbeat", Map.of("machineId", machineId, "agentId", agent.id(), "agentToken", agent.token()))
                    .expect(200);
        }
    }
}
