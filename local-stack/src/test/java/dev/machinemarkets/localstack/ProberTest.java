package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;

/** The runtime endpoint prober keeps status, lastCheckedAt and lastHealthyAt current, under a lock. */
class ProberTest {

    private static LocalStack stack;
    private static Api api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.forTests(TestStack.tempDir("mmo-prober-"),
                Map.of("MMO_PROBE_INTERVAL_MS", 500, "MMO_PROBE_TIMEOUT_MS", 500), null));
        api = new Api(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private JsonNode endpoint(String machineId) {
        return api.get("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac").expect(200).item();
    }

    @Test
    void probesMoveAnEndpointBetweenActiveDegradedAndUnreachable() {
        StubRuntime runtime = new StubRuntime();
        String machineId = Fixtures.createMachine(api);
        api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac", Map.of("endpointBaseUrl", runtime.url(),
                "authType", "bearer", "authToken", "probe-token")).expect(201);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode endpoint = endpoint(machineId);
            assertThat(endpoint.get("lastCheckedAt").isNull()).isFalse();
            assertThat(endpoint.get("lastHealthyAt").isNull()).isFalse();
            assertThat(endpoint.get("status").asString()).isEqualTo("active");
        });
        assertThat(runtime.calls("/v1/models")).isNotEmpty();
        assertThat(runtime.calls("/v1/models").get(0).header("Authorization")).isEqualTo("Bearer probe-token");

        runtime.failWith(500);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(endpoint(machineId).get("status").asString()).isEqualTo("degraded"));
        String task = api.post("/api/v1/machines/" + machineId + "/tasks", Map.of("serviceType", "compute.marketplace", "taskType", "x",
                "operation", "run-private-inference")).expect(201).item().get("id").asString();
        JsonNode discovery = api.post("/api/v1/machines/" + machineId + "/tasks/" + task + "/discover", Map.of()).expect(200).body();
        assertThat(discovery.get("resolution").get("kind").asString()).as("a degraded endpoint is not live").isEqualTo("handoff");

        runtime.close();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(endpoint(machineId).get("status").asString()).isEqualTo("unreachable"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                api.get("/api/v1/audit-events?type=runtime-endpoint.probed&machineId=" + machineId).body().get("items").size()).isGreaterThan(2));

        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Document lock = mongo.getDatabase("machine_markets").getCollection("shedLock").find(new Document("_id", "runtime-endpoint-prober")).first();
            assertThat(lock).as("probing runs under a lock shared by every executor instance").isNotNull();
        }
    }
}
