package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class GraphApiTest {

    private final Api api = TestStack.api();

    private static String graph(String machineId) {
        return "/api/v1/machines/" + machineId + "/graph";
    }

    private String node(String machineId, Map<String, Object> body) {
        return api.post(graph(machineId) + "/nodes", body).expect(201).item().get("id").asString();
    }

    @Test
    void aNodeHasTheSeedDefaults() {
        String machineId = Fixtures.createMachine(api);
        JsonNode created = api.post(graph(machineId) + "/nodes", Map.of("type", "skill", "title", "Inference")).expect(201).item();
        assertThat(created.get("id").asString()).startsWith("node_");
        assertThat(created.get("machineId").asString()).isEqualTo(machineId);
        assertThat(created.get("status").asString()).isEqualTo("draft");
        assertThat(created.get("position").get("x").asDouble()).isZero();
        assertThat(created.get("position").get("y").asDouble()).isZero();
        assertThat(created.get("data").isObject()).isTrue();
        assertThat(created.get("data").size()).isZero();
        assertThat(created.get("refId").isNull()).isTrue();

        JsonNode partial = api.post(graph(machineId) + "/nodes", Map.of("type", "catalog-entry", "title", "Entry", "refId", "svc_1",
                "position", Map.of("y", 42.5), "data", Map.of("k", List.of(1, 2)))).expect(201).item();
        assertThat(partial.get("type").asString()).isEqualTo("catalog-entry");
        assertThat(partial.get("position").get("x").asDouble()).isZero();
        assertThat(partial.get("position").get("y").asDouble()).isEqualTo(42.5);
        assertThat(partial.get("data").get("k").size()).isEqualTo(2);
        assertThat(partial.get("refId").asString()).isEqualTo("svc_1");

        JsonNode graph = api.get(graph(machineId)).expect(200).body();
        assertThat(graph.get("nodes")).hasSize(2);
        assertThat(graph.get("edges")).isEmpty();
    }

    @Test
    void nodeInputIsValidated() {
        String machineId = Fixtures.createMachine(api);
        assertThat(api.post(graph(machineId) + "/nodes", Map.of("type", "robot", "title", "x")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("type");
        assertThat(api.post(graph(machineId) + "/nodes", Map.of("title", "x")).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("type");
        assertThat(api.post(graph(machineId) + "/nodes", Map.of("type", "task", "title", "  ")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("title");
        assertThat(api.post(graph(machineId) + "/nodes", Map.of("type", "task", "title", "x", "position", Map.of("x", "left")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("position.x");
        assertThat(api.post(graph(machineId) + "/nodes", Map.of("type", "task", "title", "x", "data", List.of(1)))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("data");
        api.post(graph("mach_missing") + "/nodes", Map.of("type", "task", "title", "x")).expectError(404, "NOT_FOUND");
    }

    @Test
    void patchMergesDataShallowlyAndValidatesLikeCreation() {
        String machineId = Fixtures.createMachine(api);
        String nodeId = node(machineId, Map.of("type", "task", "title", "T", "position", Map.of("x", 1, "y", 2),
                "data", Map.of("keep", 1, "replace", Map.of("deep", true))));

        JsonNode patched = api.patch(graph(machineId) + "/nodes/" + nodeId, Map.of("data", Map.of("replace", "flat", "added", "yes"),
                "position", Map.of("y", 9), "status", "active", "type", "policy")).expect(200).item();
        assertThat(patched.get("data").get("keep").asInt()).isEqualTo(1);
        assertThat(patched.get("data").get("replace").asString()).isEqualTo("flat");
        assertThat(patched.get("data").get("added").asString()).isEqualTo("yes");
        assertThat(patched.get("position").get("x").asDouble()).isEqualTo(1);
        assertThat(patched.get("position").get("y").asDouble()).isEqualTo(9);
        assertThat(patched.get("status").asString()).isEqualTo("active");
        assertThat(patched.get("type").asString()).isEqualTo("policy");
        assertThat(patched.get("title").asString()).isEqualTo("T");

        for (String status : List.of("draft", "blocked", "degraded", "active")) {
            api.patch(graph(machineId) + "/nodes/" + nodeId, Map.of("status", status)).expect(200);
        }
        assertThat(api.patch(graph(machineId) + "/nodes/" + nodeId, Map.of("status", "archived")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("status");
        assertThat(api.patch(graph(machineId) + "/nodes/" + nodeId, Map.of("type", "robot")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("type");
        assertThat(api.patch(graph(machineId) + "/nodes/" + nodeId, Map.of("title", "")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("title");
        assertThat(api.patch(graph(machineId) + "/nodes/" + nodeId, Map.of("id", "other")).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("id");
        api.patch(graph(machineId) + "/nodes/node_missing", Map.of("title", "x")).expectError(404, "NOT_FOUND");
    }

    @Test
    void edgesJoinNodesOfTheSameMachineOnly() {
        String machineId = Fixtures.createMachine(api);
        String a = node(machineId, Map.of("type", "trigger", "title", "A"));
        String b = node(machineId, Map.of("type", "skill", "title", "B"));
        String otherMachine = Fixtures.createMachine(api);
        String foreign = node(otherMachine, Map.of("type", "skill", "title", "Foreign"));

        JsonNode edge = api.post(graph(machineId) + "/edges", Map.of("sourceNodeId", a, "targetNodeId", b, "type", "route-select"))
                .expect(201).item();
        assertThat(edge.get("type").asString()).isEqualTo("route-select");
        assertThat(edge.has("label")).isFalse();
        assertThat(edge.get("data").size()).isZero();

        assertThat(api.post(graph(machineId) + "/edges", Map.of("sourceNodeId", a, "targetNodeId", foreign, "type", "connects"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("targetNodeId");
        assertThat(api.post(graph(machineId) + "/edges", Map.of("sourceNodeId", "node_x", "targetNodeId", "node_y", "type", "connects"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("sourceNodeId", "targetNodeId");
        assertThat(api.post(graph(machineId) + "/edges", Map.of("sourceNodeId", a, "targetNodeId", b, "type", "link"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("type");

        String edgeId = edge.get("id").asString();
        JsonNode patched = api.patch(graph(machineId) + "/edges/" + edgeId, Map.of("label", "primary", "type", "deny",
                "sourceNodeId", b, "targetNodeId", a)).expect(200).item();
        assertThat(patched.get("label").asString()).isEqualTo("primary");
        assertThat(patched.get("sourceNodeId").asString()).isEqualTo(b);
        assertThat(api.patch(graph(machineId) + "/edges/" + edgeId, Map.of("targetNodeId", foreign)).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("targetNodeId");

        api.get(graph(otherMachine)).expect(200);
        api.patch(graph(otherMachine) + "/edges/" + edgeId, Map.of("label", "x")).expectError(404, "NOT_FOUND");
        api.delete(graph(otherMachine) + "/edges/" + edgeId).expectError(404, "NOT_FOUND");
        api.delete(graph(otherMachine) + "/nodes/" + a).expectError(404, "NOT_FOUND");

        api.delete(graph(machineId) + "/edges/" + edgeId).expect(204);
        api.delete(graph(machineId) + "/edges/" + edgeId).expectError(404, "NOT_FOUND");
        assertThat(api.get(graph(machineId)).body().get("edges")).isEmpty();
    }

    @Test
    void deletingANodeDeletesItsEdgesEachWithItsOwnEvent() {
        String machineId = Fixtures.createMachine(api);
        String hub = node(machineId, Map.of("type", "machine", "title", "Hub"));
        String left = node(machineId, Map.of("type", "skill", "title", "Left"));
        String right = node(machineId, Map.of("type", "skill", "title", "Right"));
        List<String> edgeIds = new ArrayList<>();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("sourceNodeId", hub, "targetNodeId", left, "type", "connects"),
                Map.of("sourceNodeId", right, "targetNodeId", hub, "type", "connects"),
                Map.of("sourceNodeId", left, "targetNodeId", right, "type", "sync"))) {
            edgeIds.add(api.post(graph(machineId) + "/edges", body).expect(201).item().get("id").asString());
        }

        api.delete(graph(machineId) + "/nodes/" + hub).expect(204);
        JsonNode graph = api.get(graph(machineId)).expect(200).body();
        assertThat(graph.get("nodes")).hasSize(2);
        assertThat(graph.get("edges")).hasSize(1);
        assertThat(graph.get("edges").get(0).get("id").asString()).isEqualTo(edgeIds.get(2));
        api.delete(graph(machineId) + "/nodes/" + hub).expectError(404, "NOT_FOUND");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> deleted = new ArrayList<>();
            api.get("/api/v1/audit-events?machineId=" + machineId + "&type=graph.edge.deleted").body().get("items")
                    .forEach(e -> deleted.add(e.get("resourceId").asString()));
            assertThat(deleted).containsExactlyInAnyOrder(edgeIds.get(0), edgeIds.get(1));
            assertThat(api.get("/api/v1/audit-events?resourceType=graph-node&type=graph.node.deleted&resourceId=" + hub)
                    .body().get("items")).hasSize(1);
        });
        List<String> types = new ArrayList<>();
        api.get("/api/v1/audit-events?machineId=" + machineId + "&limit=500").body().get("items")
                .forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).contains("graph.node.created", "graph.edge.created", "graph.node.deleted", "graph.edge.deleted");
    }

    @Test
    void theGraphIsBehindTheMachineGate() {
        String machineId = Fixtures.createMachine(api);
        api.patch("/api/v1/machines/" + machineId, Map.of("status", "blocked")).expect(200);
        api.get(graph(machineId)).expectError(409, "MACHINE_NOT_ACTIVE");
        api.post(graph(machineId) + "/nodes", Map.of("type", "task", "title", "x")).expectError(409, "MACHINE_NOT_ACTIVE");
        api.get(graph("mach_missing")).expectError(404, "NOT_FOUND");
    }

    /** Not a speed assertion: it proves a graph of this size is answered whole, and prints how long it took. */
    @Test
    void aGraphOfThousandsOfNodesAndEdgesIsAnsweredWhole() throws Exception {
        String machineId = Fixtures.createMachine(api);
        int size = 1500;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("type", "task", "title", "Node " + i, "data", Map.of("i", i)));
            nodes.add(pool.submit(() -> node(machineId, body)));
        }
        List<String> nodeIds = Collections.synchronizedList(new ArrayList<>());
        for (Future<String> f : nodes) {
            nodeIds.add(f.get());
        }
        List<Future<?>> edges = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> body = Map.of("sourceNodeId", nodeIds.get(i), "targetNodeId", nodeIds.get((i + 1) % size), "type", "connects");
            edges.add(pool.submit(() -> api.post(graph(machineId) + "/edges", body).expect(201)));
        }
        for (Future<?> f : edges) {
            f.get();
        }
        pool.shutdown();

        long started = System.nanoTime();
        JsonNode graph = api.get(graph(machineId)).expect(200).body();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("GET graph of %d nodes and %d edges: %d ms%n", size, size, millis);
        assertThat(graph.get("nodes")).hasSize(size);
        assertThat(graph.get("edges")).hasSize(size);
    }
}
