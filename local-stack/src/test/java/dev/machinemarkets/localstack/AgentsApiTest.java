package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class AgentsApiTest {

    private final Api api = TestStack.api();

    private Map<String, Object> heartbeat(String machineId, Fixtures.Agent agent, Object endpoints) {
        Map<String, Object> body = new HashMap<>();
        body.put("machineId", machineId);
        body.put("agentId", agent.id());
        body.put("agentToken", agent.token());
        if (endpoints != null) {
            body.put("endpoints", endpoints);
        }
        return body;
    }

    @Test
    void enrollmentHasTheSeedDefaultsAndShowsTheTokenOnce() {
        String machineId = Fixtures.createMachine(api);
        JsonNode item = api.post("/api/v1/machines/" + machineId + "/agents/enrollment", Map.of()).expect(201).item();
        assertThat(item.get("label").asString()).isEqualTo("Machine runtime agent");
        assertThat(item.get("allowedProviderKeys").toString()).isEqualTo("[\"qvac\"]");
        assertThat(item.get("status").asString()).isEqualTo("provisioned");
        assertThat(item.get("hasAgentToken").asBoolean()).isTrue();
        assertThat(item.get("lastSeenAt").isNull()).isTrue();
        String token = item.get("agentToken").asString();
        assertThat(token).hasSizeGreaterThan(40);

        String agentId = item.get("id").asString();
        Api.Response read = api.get("/api/v1/machines/" + machineId + "/agents/" + agentId).expect(200);
        assertThat(read.item().has("agentToken")).isFalse();
        assertThat(read.raw().body()).doesNotContain(token);
        Api.Response list = api.get("/api/v1/machines/" + machineId + "/agents").expect(200);
        assertThat(list.body().get("items")).hasSize(1);
        assertThat(list.raw().body()).doesNotContain(token);
    }

    @Test
    void providerKeysIsAnAliasAndKeysAreLowercased() {
        String machineId = Fixtures.createMachine(api);
        JsonNode viaAlias = api.post("/api/v1/machines/" + machineId + "/agents/enrollment",
                Map.of("label", "Edge agent", "providerKeys", List.of("QVAC", "Ollama"))).expect(201).item();
        assertThat(viaAlias.get("allowedProviderKeys").toString()).isEqualTo("[\"qvac\",\"ollama\"]");
        assertThat(viaAlias.get("label").asString()).isEqualTo("Edge agent");

        JsonNode viaName = api.post("/api/v1/machines/" + machineId + "/agents/enrollment",
                Map.of("allowedProviderKeys", List.of("VLLM"))).expect(201).item();
        assertThat(viaName.get("allowedProviderKeys").toString()).isEqualTo("[\"vllm\"]");

        api.post("/api/v1/machines/" + machineId + "/agents/enrollment",
                Map.of("allowedProviderKeys", List.of("a"), "providerKeys", List.of("b"))).expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/machines/" + machineId + "/agents/enrollment", Map.of("allowedProviderKeys", List.of()))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.post("/api/v1/machines/" + machineId + "/agents/enrollment", Map.of("allowedProviderKeys", List.of("no spaces")))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("allowedProviderKeys[0]");
    }

    @Test
    void aHeartbeatActivatesTheAgentAndLeasesItsEndpoints() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        Instant before = TestStack.CLOCK.instant().minusSeconds(1);

        Map<String, Object> body = heartbeat(machineId, agent, List.of(Map.of("providerKey", "QVAC",
                "endpointBaseUrl", "http://127.0.0.1:8000/v1", "authType", "bearer", "authToken", "runtime-token-xyz",
                "modelAlias", "qwen")));
        body.put("leaseSeconds", 300);
        Api.Response response = api.post("/api/v1/machine-agents/heartbeat", body).expect(200);

        JsonNode item = response.body().get("item");
        assertThat(item.get("status").asString()).isEqualTo("active");
        assertThat(Instant.parse(item.get("lastSeenAt").asString())).isAfter(before);
        JsonNode endpoint = response.body().get("endpoints").get(0);
        assertThat(endpoint.get("source").asString()).isEqualTo("agent");
        assertThat(endpoint.get("agentId").asString()).isEqualTo(agent.id());
        assertThat(endpoint.get("providerKey").asString()).isEqualTo("qvac");
        assertThat(endpoint.get("endpointBaseUrl").asString()).isEqualTo("http://127.0.0.1:8000");
        assertThat(endpoint.get("hasAuthToken").asBoolean()).isTrue();
        Instant lease = Instant.parse(endpoint.get("leaseExpiresAt").asString());
        Instant seen = Instant.parse(item.get("lastSeenAt").asString());
        assertThat(Duration.between(seen, lease)).isEqualTo(Duration.ofSeconds(300));
        assertThat(response.raw().body()).doesNotContain("runtime-token-xyz").doesNotContain(agent.token());

        JsonNode listed = api.get("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac").expect(200).item();
        assertThat(listed.get("status").asString()).isEqualTo("active");
    }

    @Test
    void theTokenMayComeFromTheBodyTheHeaderOrABearer() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        Map<String, Object> noToken = heartbeat(machineId, agent, null);
        noToken.remove("agentToken");

        api.send("POST", "/api/v1/machine-agents/heartbeat", noToken, Map.of("x-agent-pairing-token", agent.token())).expect(200);
        api.send("POST", "/api/v1/machine-agents/heartbeat", noToken, Map.of("Authorization", "Bearer " + agent.token())).expect(200);
        api.post("/api/v1/machine-agents/heartbeat", heartbeat(machineId, agent, null)).expect(200);

        api.post("/api/v1/machine-agents/heartbeat", noToken).expectError(401, "AGENT_AUTH_REQUIRED");
        api.send("POST", "/api/v1/machine-agents/heartbeat", noToken, Map.of("Authorization", "Basic abc")).expectError(401, "AGENT_AUTH_REQUIRED");
        api.send("POST", "/api/v1/machine-agents/heartbeat", noToken, Map.of("x-agent-pairing-token", agent.token() + "x"))
                .expectError(401, "AGENT_AUTH_INVALID");

        Fixtures.Agent other = Fixtures.enroll(api, machineId, Map.of());
        api.post("/api/v1/machine-agents/heartbeat", heartbeat(machineId, new Fixtures.Agent(agent.id(), other.token())))
                .expectError(401, "AGENT_AUTH_INVALID");
    }

    private Map<String, Object> heartbeat(String machineId, Fixtures.Agent agent) {
        return heartbeat(machineId, agent, null);
    }

    @Test
    void everyHeartbeatErrorHasItsCode() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());

        Map<String, Object> missingAgent = heartbeat(machineId, agent);
        missingAgent.remove("agentId");
        assertThat(api.post("/api/v1/machine-agents/heartbeat", missingAgent).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("agentId");
        for (int lease : new int[] {29, 86_401}) {
            Map<String, Object> body = heartbeat(machineId, agent);
            body.put("leaseSeconds", lease);
            assertThat(api.post("/api/v1/machine-agents/heartbeat", body).expectError(400, "VALIDATION_ERROR").errorFields())
                    .containsExactly("leaseSeconds");
        }
        assertThat(api.post("/api/v1/machine-agents/heartbeat", heartbeat(machineId, agent,
                List.of(Map.of("providerKey", "qvac", "endpointBaseUrl", "gopher://x")))).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("endpoints[0].endpointBaseUrl");

        api.post("/api/v1/machine-agents/heartbeat", heartbeat(machineId, agent,
                List.of(Map.of("providerKey", "ollama", "endpointBaseUrl", "http://127.0.0.1:1")))).expectError(403, "AGENT_POLICY_DENIED");
        assertThat(api.get("/api/v1/machines/" + machineId + "/runtime-endpoints").body().get("items")).isEmpty();

        api.post("/api/v1/machine-agents/heartbeat", heartbeat(machineId, new Fixtures.Agent("agt_missing", agent.token())))
                .expectError(404, "NOT_FOUND");
        String otherMachine = Fixtures.createMachine(api);
        api.post("/api/v1/machine-agents/heartbeat", heartbeat(otherMachine, agent)).expectError(404, "NOT_FOUND");
        api.post("/api/v1/machine-agents/heartbeat", heartbeat("mach_missing", agent)).expectError(404, "NOT_FOUND");
    }

    @Test
    void aRevokedAgentIsRefused() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        JsonNode revoked = api.post("/api/v1/machines/" + machineId + "/agents/" + agent.id() + "/revoke", null).expect(200).item();
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        api.post("/api/v1/machines/" + machineId + "/agents/" + agent.id() + "/revoke", null).expect(200);

        api.post("/api/v1/machine-agents/heartbeat", heartbeat(machineId, agent)).expectError(403, "AGENT_PAIRING_INACTIVE");
        api.post("/api/v1/machine-agents/heartbeat", heartbeat(machineId, new Fixtures.Agent(agent.id(), "wrong")))
                .expectError(401, "AGENT_AUTH_INVALID");
        api.post("/api/v1/machines/" + machineId + "/agents/agt_missing/revoke", null).expectError(404, "NOT_FOUND");
    }

    @Test
    void anAgentEndpointIsUnreachableOnceItsLeaseRunsOut() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        Map<String, Object> body = heartbeat(machineId, agent, List.of(Map.of("providerKey", "qvac", "endpointBaseUrl", "http://127.0.0.1:8000")));
        body.put("leaseSeconds", 30);
        api.post("/api/v1/machine-agents/heartbeat", body).expect(200);
        assertThat(api.get("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac").item().get("status").asString()).isEqualTo("active");

        TestStack.CLOCK.advance(Duration.ofSeconds(31));

        assertThat(api.get("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac").item().get("status").asString())
                .isEqualTo("unreachable");
        api.post("/api/v1/machine-agents/heartbeat", body).expect(200);
        assertThat(api.get("/api/v1/machines/" + machineId + "/runtime-endpoints/qvac").item().get("status").asString()).isEqualTo("active");
    }
}
