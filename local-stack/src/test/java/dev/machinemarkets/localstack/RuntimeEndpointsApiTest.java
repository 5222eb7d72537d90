package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;

class RuntimeEndpointsApiTest {

    private final Api api = TestStack.api();

    private String endpoints(String machineId) {
        return "/api/v1/machines/" + machineId + "/runtime-endpoints";
    }

    @Test
    void putCreatesWith201ThenUpdatesWith200AndNormalisesWhatTheSeedSays() {
        String machineId = Fixtures.createMachine(api);
        Map<String, Object> body = new HashMap<>(Map.of("endpointBaseUrl", "HTTP://LocalHost:11434/v1/chat?x=1#frag",
                "source", "agent"));
        JsonNode created = api.put(endpoints(machineId) + "/QVAC", body).expect(201).item();

        assertThat(created.get("id").asString()).startsWith("rep_");
        assertThat(created.get("providerKey").asString()).isEqualTo("qvac");
        assertThat(created.get("endpointBaseUrl").asString()).isEqualTo("http://localhost:11434");
        assertThat(created.get("label").asString()).isEqualTo("QVAC runtime");
        assertThat(created.get("probePath").asString()).isEqualTo("/v1/models");
        assertThat(created.get("source").asString()).isEqualTo("manual");
        assertThat(created.get("agentId").isNull()).isTrue();
        assertThat(created.get("authType").asString()).isEqualTo("none");
        assertThat(created.get("hasAuthToken").asBoolean()).isFalse();
        assertThat(created.get("networkScope").asString()).isEqualTo("loopback");
        assertThat(created.get("status").asString()).isEqualTo("active");
        for (String field : new String[] {"modelAlias", "leaseExpiresAt", "lastCheckedAt", "lastHealthyAt"}) {
            assertThat(created.get(field).isNull()).as(field).isTrue();
        }

        JsonNode updated = api.put(endpoints(machineId) + "/qvac",
                Map.of("endpointBaseUrl", "https://gpu.example.com:8443/", "label", "Big GPU", "modelAlias", "llama-3")).expect(200).item();
        assertThat(updated.get("id")).isEqualTo(created.get("id"));
        assertThat(updated.get("createdAt")).isEqualTo(created.get("createdAt"));
        assertThat(updated.get("endpointBaseUrl").asString()).isEqualTo("https://gpu.example.com:8443");
        assertThat(updated.get("label").asString()).isEqualTo("Big GPU");
        assertThat(updated.get("networkScope").asString()).isEqualTo("public");

        JsonNode other = api.put(endpoints(machineId) + "/ollama", Map.of("endpointBaseUrl", "http://192.168.1.20:11434")).expect(201).item();
        assertThat(other.get("label").asString()).isEqualTo("OLLAMA runtime");
        assertThat(other.get("probePath").asString()).isEqualTo("/health");
        assertThat(other.get("networkScope").asString()).isEqualTo("lan");

        assertThat(api.get(endpoints(machineId)).expect(200).body().get("items")).hasSize(2);
        assertThat(api.get(endpoints(machineId) + "/QVAC").expect(200).item().get("label").asString()).isEqualTo("Big GPU");
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        String machineId = Fixtures.createMachine(api);
        for (String url : new String[] {"ftp://host/x", "not a url", "http://", "file:///etc/passwd", "localhost:8080"}) {
            assertThat(api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", url)).expectError(400, "VALIDATION_ERROR")
                    .errorFields()).as(url).containsExactly("endpointBaseUrl");
        }
        assertThat(api.put(endpoints(machineId) + "/qvac", Map.of()).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("endpointBaseUrl");
        assertThat(api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://h", "authType", "password"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("authType");
        assertThat(api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://h", "leaseExpiresAt", "tomorrow"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("leaseExpiresAt");
        assertThat(api.put(endpoints(machineId) + "/bad%20key", Map.of("endpointBaseUrl", "http://h"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("providerKey");
        assertThat(api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://h", "authType", "bearer"))
                .expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("authToken");
    }

    @Test
    void theAuthTokenIsStoredEncryptedAndNeverShown() {
        String machineId = Fixtures.createMachine(api);
        String token = "runtime-secret-" + System.nanoTime();
        Api.Response created = api.put(endpoints(machineId) + "/qvac",
                Map.of("endpointBaseUrl", "http://127.0.0.1:1234", "authType", "api-key", "authToken", token)).expect(201);
        assertThat(created.item().get("hasAuthToken").asBoolean()).isTrue();
        assertThat(created.item().has("authToken")).isFalse();
        assertThat(created.raw().body()).doesNotContain(token);
        assertThat(api.get(endpoints(machineId)).raw().body()).doesNotContain(token);

        JsonNode keptToken = api.put(endpoints(machineId) + "/qvac",
                Map.of("endpointBaseUrl", "http://127.0.0.1:1234", "authType", "api-key")).expect(200).item();
        assertThat(keptToken.get("hasAuthToken").asBoolean()).isTrue();

        try (MongoClient mongo = MongoClients.create(TestStack.shared().mongoUri())) {
            Document secret = mongo.getDatabase("machine_markets").getCollection("runtime_endpoint_secrets")
                    .find(new Document("_id", machineId + ":qvac")).first();
            assertThat(secret).isNotNull();
            assertThat(secret.getString("authToken")).startsWith("v1:").doesNotContain(token);
        }

        JsonNode cleared = api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:1234")).expect(200).item();
        assertThat(cleared.get("hasAuthToken").asBoolean()).isFalse();
    }

    @Test
    void deleteAnswers204ThenNotFound() {
        String machineId = Fixtures.createMachine(api);
        api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:1234")).expect(201);
        assertThat(api.delete(endpoints(machineId) + "/QVAC").expect(204).raw().body()).isEmpty();
        api.get(endpoints(machineId) + "/qvac").expectError(404, "NOT_FOUND");
        api.delete(endpoints(machineId) + "/qvac").expectError(404, "NOT_FOUND");
        assertThat(api.get(endpoints(machineId)).expect(200).body().get("items")).isEmpty();
        api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:1234")).expect(201);
    }

    @Test
    void anEndpointWhoseLeaseHasPassedIsUnreachable() {
        String machineId = Fixtures.createMachine(api);
        JsonNode past = api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:1234",
                "status", "active", "leaseExpiresAt", Instant.now().minusSeconds(60).toString())).expect(201).item();
        assertThat(past.get("status").asString()).isEqualTo("unreachable");

        JsonNode future = api.put(endpoints(machineId) + "/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:1234",
                "leaseExpiresAt", TestStack.CLOCK.instant().plusSeconds(3600).toString())).expect(200).item();
        assertThat(future.get("status").asString()).isEqualTo("active");
    }
}
