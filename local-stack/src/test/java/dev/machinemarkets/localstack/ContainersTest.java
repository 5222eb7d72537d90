package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import dev.machinemarkets.audit.AuditSinkApplication;
import dev.machinemarkets.gateway.GatewayApplication;

/**
 * The gateway and the audit sink against a real Apache Kafka and a real MongoDB in containers.
 * Skipped where there is no Docker; the embedded-stack tests cover the same behaviour there.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Test
    void registersAMachineAnEndpointAndAnAgentAndAuditsThem() {
        try (ConfigurableApplicationContext gateway = Services.start(GatewayApplication::application, KAFKA.getBootstrapServers(),
                MONGO.getConnectionString(), Map.of());
                ConfigurableApplicationContext audit = Services.start(AuditSinkApplication::application, KAFKA.getBootstrapServers(),
                        MONGO.getConnectionString(), Map.of())) {
            Api api = Services.api(gateway);
            String machineId = Fixtures.createMachine(api);
            api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:8000"))
                    .expect(201);
            Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
            api.post("/api/v1/machine-agents/heartbeat", Map.of("machineId", machineId, "agentId", agent.id(), "agentToken", agent.token()))
                    .expect(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api.get("/api/v1/audit-events?machineId=" + machineId).expect(200).body().get("items")).hasSize(4));
        }
    }
}
