package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import dev.machinemarkets.schemas.Topics;
import tools.jackson.databind.JsonNode;

class AuditLogTest {

    private final Api api = TestStack.api();

    @Test
    void everyChangeIsStoredOnceAndHoldsNoSecret() {
        String machineId = Fixtures.createMachine(api);
        api.patch("/api/v1/machines/" + machineId, Map.of("displayName", "Audited")).expect(200);
        String runtimeToken = "runtime-secret-" + System.nanoTime();
        String endpointId = api.put("/api/v1/machines/" + machineId + "/runtime-endpoints/ollama",
                Map.of("endpointBaseUrl", "http://127.0.0.1:1", "authType", "bearer", "authToken", runtimeToken)).expect(201)
                .item().get("id").asString();
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        Map<String, Object> heartbeat = new HashMap<>(Map.of("machineId", machineId, "agentId", agent.id(), "agentToken", agent.token(),
                "endpoints", List.of(Map.of("providerKey", "qvac", "endpointBaseUrl", "http://127.0.0.1:2", "authType", "api-key",
                        "authToken", runtimeToken))));
        api.post("/api/v1/machine-agents/heartbeat", heartbeat).expect(200);
        api.delete("/api/v1/machines/" + machineId + "/runtime-endpoints/ollama").expect(204);
        api.post("/api/v1/machines/" + machineId + "/agents/" + agent.id() + "/revoke", null).expect(200);

        List<String> expected = List.of("machine.created", "machine.updated", "runtime-endpoint.upserted", "machine-agent.enrolled",
                "runtime-endpoint.upserted", "machine-agent.heartbeat", "runtime-endpoint.deleted", "machine-agent.revoked");
        List<JsonNode> events = await().atMost(Duration.ofSeconds(20)).until(() -> auditOf(machineId), list -> list.size() >= expected.size());
        List<String> oldestFirst = new ArrayList<>();
        events.forEach(e -> oldestFirst.add(0, e.get("type").asString()));
        assertThat(oldestFirst).containsExactlyElementsOf(expected);

        Set<String> ids = new HashSet<>();
        for (JsonNode event : events) {
            assertThat(ids.add(event.get("id").asString())).isTrue();
            assertThat(event.get("actor").asString()).isEqualTo("api");
            assertThat(event.get("resourceType").asString()).isNotBlank();
            assertThat(event.get("resourceId").asString()).isNotBlank();
            assertThat(event.get("payload").isObject()).isTrue();
            assertThat(event.get("createdAt").asString()).endsWith("Z");
            assertThat(event.toString()).doesNotContain(runtimeToken).doesNotContain(agent.token());
        }
        JsonNode deleted = events.get(1);
        assertThat(deleted.get("type").asString()).isEqualTo("runtime-endpoint.deleted");
        assertThat(deleted.get("resourceId").asString()).isEqualTo(endpointId);

        assertThat(rawEventsOf(machineId)).allSatisfy(raw -> assertThat(raw).doesNotContain(runtimeToken).doesNotContain(agent.token()));
    }

    @Test
    void filtersByTypeResourceTypeAndResourceAndPagesNewestFirst() {
        String machineId = Fixtures.createMachine(api);
        for (int i = 0; i < 4; i++) {
            api.patch("/api/v1/machines/" + machineId, Map.of("displayName", "Name " + i)).expect(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> auditOf(machineId).size() == 5);

        JsonNode updates = api.get("/api/v1/audit-events?type=machine.updated&resourceType=machine&resourceId=" + machineId)
                .expect(200).body();
        assertThat(updates.get("items")).hasSize(4);
        assertThat(updates.has("nextCursor")).isFalse();
        assertThat(updates.get("items").get(0).get("payload").get("machine").get("displayName").asString()).isEqualTo("Name 3");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/audit-events?limit=2&resourceId=" + machineId + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).body();
            page.get("items").forEach(item -> paged.add(item.get("id").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(paged).hasSize(5);
        List<String> sorted = new ArrayList<>(paged);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(paged).isEqualTo(sorted);

        assertThat(api.get("/api/v1/audit-events?resourceType=nothing").expect(200).body().get("items")).isEmpty();
        api.get("/api/v1/audit-events?limit=0").expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/audit-events?limit=501").expectError(400, "VALIDATION_ERROR");
    }

    private List<JsonNode> auditOf(String machineId) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/audit-events?limit=500&machineId=" + machineId).expect(200).body().get("items").forEach(events::add);
        return events;
    }

    /** The records as other teams' consumers see them on the topic. */
    private List<String> rawEventsOf(String machineId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "audit-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> raw = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MACHINE_EVENTS.name()));
            long deadline = System.currentTimeMillis() + 10_000;
            boolean seen = false;
            while (System.currentTimeMillis() < deadline && (!seen || raw.size() < 8)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(record.key(), StandardCharsets.UTF_8).equals(machineId)) {
                        raw.add(new String(record.value(), StandardCharsets.ISO_8859_1));
                        seen = true;
                    }
                }
            }
        }
        assertThat(raw).hasSizeGreaterThanOrEqualTo(8);
        return raw;
    }
}
