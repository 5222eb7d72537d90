package dev.machinemarkets.localstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.machinemarkets.gateway.GatewayApplication;

class MachineGateTest {

    private final Api api = TestStack.api();

    @Test
    void everyMachineScopedEndpointIsGated() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        assertGated("mach_missing", agent, 404, "NOT_FOUND");

        for (String status : List.of("draft", "degraded", "blocked", "archived")) {
            api.patch("/api/v1/machines/" + machineId, Map.of("status", status)).expect(200);
            assertGated(machineId, agent, 409, "MACHINE_NOT_ACTIVE");
        }
        api.patch("/api/v1/machines/" + machineId, Map.of("status", "active")).expect(200);
        api.get("/api/v1/machines/" + machineId + "/runtime-endpoints").expect(200);
    }

    private void assertGated(String machineId, Fixtures.Agent agent, int status, String code) {
        String base = "/api/v1/machines/" + machineId;
        api.get(base + "/runtime-endpoints").expectError(status, code);
        api.get(base + "/runtime-endpoints/qvac").expectError(status, code);
        api.put(base + "/runtime-endpoints/qvac", Map.of("endpointBaseUrl", "http://127.0.0.1:1")).expectError(status, code);
        api.delete(base + "/runtime-endpoints/qvac").expectError(status, code);
        api.post(base + "/agents/enrollment", Map.of()).expectError(status, code);
        api.get(base + "/agents").expectError(status, code);
        api.get(base + "/agents/" + agent.id()).expectError(status, code);
        api.post(base + "/agents/" + agent.id() + "/revoke", null).expectError(status, code);
        Map<String, Object> heartbeat = new HashMap<>(Map.of("machineId", machineId, "agentId", agent.id(), "agentToken", agent.token()));
        api.post("/api/v1/machine-agents/heartbeat", heartbeat).expectError(status, code);
    }

    @Test
    void withVerificationRequiredAnUnprovenMachineIsNotActivated() {
        String machineId = Fixtures.createMachine(api);
        Fixtures.Agent agent = Fixtures.enroll(api, machineId, Map.of());
        LocalStack stack = TestStack.shared();
        try (ConfigurableApplicationContext verifying = Services.start(GatewayApplication::application, stack.kafkaBootstrapServers(),
                stack.mongoUri(), Map.of("PEAQOS_MACHINE_IDENTITY_VERIFICATION", "required"))) {
            Api strict = Services.api(verifying);
            String base = "/api/v1/machines/" + machineId;
            strict.get(base + "/runtime-endpoints").expectError(403, "MACHINE_NOT_ACTIVATED");
            strict.post(base + "/agents/enrollment", Map.of()).expectError(403, "MACHINE_NOT_ACTIVATED");
            strict.post("/api/v1/machine-agents/heartbeat", Map.of("machineId", machineId, "agentId", agent.id(), "agentToken", agent.token()))
                    .expectError(403, "MACHINE_NOT_ACTIVATED");
            strict.post("/api/v1/machines", Fixtures.machineBody()).expectError(403, "MACHINE_IDENTITY_PROOF_REQUIRED");
            Map<String, Object> withProof = Fixtures.machineBody();
            withProof.put("identityProof", Map.of("challengeId", "chl_1", "signature", "0xabc"));
            strict.post("/api/v1/machines", withProof).expectError(503, "PEAQOS_IDENTITY_UNAVAILABLE");
            strict.patch(base, Map.of("status", "draft")).expect(200);
            strict.patch(base, Map.of("status", "active")).expectError(403, "MACHINE_NOT_ACTIVATED");
        }
    }
}
