package dev.machinemarkets.localstack;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

/** Request bodies and set-up steps that many tests share. */
final class Fixtures {

    private Fixtures() {
    }

    static String newDid() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "did:peaq:0x" + HexFormat.of().formatHex(bytes);
    }

    static Map<String, Object> machineBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Test robot");
        body.put("identityRef", newDid());
        body.put("machineType", "robot");
        body.put("capabilities", List.of("gpu", "camera"));
        body.put("labels", Map.of("site", "lab"));
        return body;
    }

    static String createMachine(Api api) {
        return api.post("/api/v1/machines", machineBody()).expect(201).item().get("id").asString();
    }

    record Agent(String id, String token) {
    }

    static Agent enroll(Api api, String machineId, Map<String, Object> body) {
        JsonNode item = api.post("/api/v1/machines/" + machineId + "/agents/enrollment", body).expect(201).item();
        return new Agent(item.get("id").asString(), item.get("agentToken").asString());
    }
}
