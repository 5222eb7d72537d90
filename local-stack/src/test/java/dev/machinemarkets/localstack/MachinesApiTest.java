package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class MachinesApiTest {

    private final Api api = TestStack.api();

    @Test
    void createsAMachineThatIsActiveByDefaultAndReadsItBack() {
        Map<String, Object> body = Fixtures.machineBody();
        JsonNode created = api.post("/api/v1/machines", body).expect(201).item();

        assertThat(created.get("id").asString()).startsWith("mach_");
        assertThat(created.get("status").asString()).isEqualTo("active");
        assertThat(created.get("identityRef").asString()).isEqualTo(body.get("identityRef"));
        assertThat(created.get("capabilities")).hasSize(2);
        assertThat(created.get("labels").get("site").asString()).isEqualTo("lab");
        assertThat(created.get("ownerId").isNull()).isTrue();
        assertThat(created.get("identityProof").isNull()).isTrue();
        assertThat(created.get("policyIds")).isEmpty();
        assertThat(created.get("createdAt").asString()).endsWith("Z");

        JsonNode read = api.get("/api/v1/machines/" + created.get("id").asString()).expect(200).item();
        assertThat(read).isEqualTo(created);
    }

    @Test
    void aMachineCanStartAsDraftButNotAsAnyOtherStatus() {
        Map<String, Object> draft = Fixtures.machineBody();
        draft.put("status", "draft");
        assertThat(api.post("/api/v1/machines", draft).expect(201).item().get("status").asString()).isEqualTo("draft");

        Map<String, Object> blocked = Fixtures.machineBody();
        blocked.put("status", "blocked");
        assertThat(api.post("/api/v1/machines", blocked).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("status");
    }

    @Test
    void refusesBadInputWithTheFieldAtFault() {
        Map<String, Object> noName = Fixtures.machineBody();
        noName.remove("displayName");
        assertThat(api.post("/api/v1/machines", noName).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("displayName");

        for (String bad : List.of("did:peaq:0x123", "did:peaq:1234567890abcdef1234567890abcdef12345678", "peaqos:robot:1", "robot-1")) {
            Map<String, Object> body = Fixtures.machineBody();
            body.put("identityRef", bad);
            assertThat(api.post("/api/v1/machines", body).expectError(400, "VALIDATION_ERROR").errorFields())
                    .as(bad).containsExactly("identityRef");
        }
        Map<String, Object> peaqos = Fixtures.machineBody();
        peaqos.put("identityRef", "peaqos:machine:" + System.nanoTime());
        api.post("/api/v1/machines", peaqos).expect(201);

        Map<String, Object> wrongType = Fixtures.machineBody();
        wrongType.put("capabilities", "gpu");
        assertThat(api.post("/api/v1/machines", wrongType).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("capabilities");

        Map<String, Object> unknownField = Fixtures.machineBody();
        unknownField.put("colour", "red");
        assertThat(api.post("/api/v1/machines", unknownField).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("colour");

        Map<String, Object> badEnum = Fixtures.machineBody();
        badEnum.put("status", "sleeping");
        assertThat(api.post("/api/v1/machines", badEnum).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("status");

        api.post("/api/v1/machines", "{\"displayName\": ").expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/machines", "[1, 2]").expectError(400, "VALIDATION_ERROR");
        api.send("POST", "/api/v1/machines", null, Map.of("content-type", "application/json")).expectError(400, "VALIDATION_ERROR");
        api.send("POST", "/api/v1/machines", "x", Map.of("content-type", "text/plain")).expectError(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anIdentityRefBelongsToOneMachineOnly() {
        Map<String, Object> body = Fixtures.machineBody();
        api.post("/api/v1/machines", body).expect(201);
        api.post("/api/v1/machines", body).expectError(409, "MACHINE_IDENTITY_EXISTS");

        Map<String, Object> sameDidOtherCase = Fixtures.machineBody();
        sameDidOtherCase.put("identityRef", ((String) body.get("identityRef")).toUpperCase().replace("DID:PEAQ:0X", "did:peaq:0x"));
        api.post("/api/v1/machines", sameDidOtherCase).expectError(409, "MACHINE_IDENTITY_EXISTS");
    }

    @Test
    void patchChangesOnlyWhatItNamesAndNeverTheIdentityRef() {
        String id = Fixtures.createMachine(api);
        JsonNode before = api.get("/api/v1/machines/" + id).item();

        JsonNode patched = api.patch("/api/v1/machines/" + id,
                Map.of("displayName", "Renamed", "labels", Map.of("zone", "b"), "region", "eu-west")).expect(200).item();
        assertThat(patched.get("displayName").asString()).isEqualTo("Renamed");
        assertThat(patched.get("labels").properties()).hasSize(1);
        assertThat(patched.get("region").asString()).isEqualTo("eu-west");
        assertThat(patched.get("capabilities")).isEqualTo(before.get("capabilities"));
        assertThat(patched.get("createdAt")).isEqualTo(before.get("createdAt"));

        api.patch("/api/v1/machines/" + id, Map.of("identityRef", Fixtures.newDid())).expectError(409, "MACHINE_IDENTITY_IMMUTABLE");
        api.patch("/api/v1/machines/" + id, Map.of("identityRef", before.get("identityRef").asString())).expect(200);

        java.util.HashMap<String, Object> clearOwner = new java.util.HashMap<>();
        clearOwner.put("ownerId", null);
        api.patch("/api/v1/machines/" + id, Map.of("ownerId", "owner-1")).expect(200);
        assertThat(api.patch("/api/v1/machines/" + id, clearOwner).expect(200).item().get("ownerId").isNull()).isTrue();

        assertThat(api.patch("/api/v1/machines/" + id, Map.of("displayName", " ")).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("displayName");
        assertThat(api.patch("/api/v1/machines/" + id, Map.of("size", 3)).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("size");
        assertThat(api.patch("/api/v1/machines/" + id, Map.of("policyIds", List.of("pol_missing"))).expectError(400, "VALIDATION_ERROR")
                .errorFields()).containsExactly("policyIds[0]");
        api.patch("/api/v1/machines/mach_missing", Map.of("displayName", "x")).expectError(404, "NOT_FOUND");
    }

    @Test
    void statusMovesAmongTheFiveValues() {
        String id = Fixtures.createMachine(api);
        for (String status : List.of("degraded", "blocked", "archived", "draft", "active")) {
            assertThat(api.patch("/api/v1/machines/" + id, Map.of("status", status)).expect(200).item().get("status").asString())
                    .isEqualTo(status);
        }
        assertThat(api.patch("/api/v1/machines/" + id, Map.of("status", "gone")).expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("status");
    }

    @Test
    void listsPageByOpaqueCursorUntilTheLastPageHasNoCursor() {
        for (int i = 0; i < 3; i++) {
            Fixtures.createMachine(api);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/machines?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(2);
            page.body().get("items").forEach(item -> assertThat(seen.add(item.get("id").asString())).isTrue());
            cursor = page.body().has("nextCursor") ? page.body().get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen.size()).isGreaterThanOrEqualTo(3);
        assertThat(api.get("/api/v1/machines?limit=500").expect(200).body().get("items").size()).isEqualTo(Math.min(500, seen.size()));

        for (String bad : List.of("0", "501", "ten", "-1")) {
            assertThat(api.get("/api/v1/machines?limit=" + bad).expectError(400, "VALIDATION_ERROR").errorFields()).containsExactly("limit");
        }
        assertThat(api.get("/api/v1/machines?cursor=not-a-cursor").expectError(400, "VALIDATION_ERROR").errorFields())
                .containsExactly("cursor");
    }

    @Test
    void unknownThingsAreNotFoundInTheEnvelope() {
        api.get("/api/v1/machines/mach_missing").expectError(404, "NOT_FOUND");
        api.get("/api/v1/no-such-route").expectError(404, "NOT_FOUND");
        api.get("/nothing-here").expectError(404, "NOT_FOUND");
        api.send("DELETE", "/api/v1/machines", null, Map.of()).expectError(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void healthIsAtTheHostRoot() {
        JsonNode health = api.get("/health").expect(200).body();
        assertThat(health.get("status").asString()).isEqualTo("ok");
        assertThat(health.get("checks").get("kafka").asString()).isEqualTo("up");
        assertThat(health.get("checks").get("mongodb").asString()).isEqualTo("up");
    }
}
