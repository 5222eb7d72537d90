package dev.machinemarkets.gateway.machines;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.gateway.GatewaySettings;
import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.gateway.json.Changes;
import dev.machinemarkets.gateway.json.PatchBody;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ErrorCode;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.schemas.events.MachineCreated;
import dev.machinemarkets.schemas.events.MachineUpdated;
import dev.machinemarkets.schemas.state.MachineState;
import tools.jackson.databind.JsonNode;

/** Registers and changes machines; each change is one event on the machine's partition. */
@Service
public class MachineService {

    static final String RESOURCE_TYPE = "machine";
    private static final Set<String> PATCHABLE = Set.of("displayName", "identityRef", "ownerId", "machineType",
            "runtimeProfile", "region", "capabilities", "labels", "policyIds", "skillKeys", "status", "identityProof");

    private final MachineViews views;
    private final IdentityClaims claims;
    private final EventLog eventLog;
    private final GatewaySettings settings;
    private final MongoCollection<Document> policies;
    private final Clock clock;

    public MachineService(MachineViews views, IdentityClaims claims, EventLog eventLog, GatewaySettings settings,
            MongoDatabase database, Clock clock) {
        this.views = views;
        this.claims = claims;
        this.eventLog = eventLog;
        this.settings = settings;
        this.policies = database.getCollection(Collections.POLICIES);
        this.clock = clock;
    }

    public Document create(CreateMachineRequest request) {
        if (!IdentityRefs.isValid(request.identityRef())) {
            throw ApiException.invalid("identityRef", IdentityRefs.RULE);
        }
        MachineStatus status = request.status() == null ? MachineStatus.ACTIVE : request.status();
        if (status != MachineStatus.ACTIVE && status != MachineStatus.DRAFT) {
            throw ApiException.invalid("status", "a new machine is active or draft");
        }
        requireKnownPolicies(orEmpty(request.policyIds()));
        requireIdentityProof(request.identityProof());

        Instant now = now();
        String machineId = Ids.newId("mach", now);
        MachineState machine = MachineState.newBuilder()
                .setId(machineId)
                .setDisplayName(request.displayName().trim())
                .setStatus(status.wire())
                .setOwnerId(request.ownerId())
                .setIdentityRef(request.identityRef())
                .setMachineType(request.machineType())
                .setRuntimeProfile(request.runtimeProfile())
                .setRegion(request.region())
                .setCapabilities(distinct(request.capabilities()))
                .setLabels(request.labels() == null ? Map.of() : new LinkedHashMap<>(request.labels()))
                .setPolicyIds(distinct(request.policyIds()))
                .setSkillKeys(distinct(request.skillKeys()))
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();

        claims.claim(request.identityRef(), machineId, now);
        try {
            eventLog.appendForMachine(machineId, Events.envelope("machine.created", Events.ACTOR_API, RESOURCE_TYPE, machineId,
                    machineId, now, new MachineCreated(machine)));
        } catch (RuntimeException e) {
            claims.release(request.identityRef(), machineId);
            throw e;
        }
        return views.find(machineId).orElseThrow();
    }

    public Document update(String machineId, JsonNode body) {
        Document current = views.find(machineId).orElseThrow(() -> ApiException.notFound("machine", machineId));
        PatchBody patch = PatchBody.of(body, PATCHABLE);
        MachineState.Builder next = MachineState.newBuilder(AvroDocuments.fromDocument(current, MachineState.class));
        Changes changed = new Changes();

        patch.nullableString("identityRef").ifPresent(value -> {
            if (!Objects.equals(value.orElse(null), current.getString("identityRef"))) {
                throw new ApiException(ErrorCode.MACHINE_IDENTITY_IMMUTABLE, "identityRef cannot change once set");
            }
        });
        patch.requiredString("displayName").ifPresent(value -> changed.set("displayName", stored(current, "displayName"), value.trim(), next::setDisplayName));
        patch.nullableString("ownerId").ifPresent(value -> changed.set("ownerId", stored(current, "ownerId"), value.orElse(null), next::setOwnerId));
        patch.nullableString("machineType").ifPresent(value -> changed.set("machineType", stored(current, "machineType"), value.orElse(null), next::setMachineType));
        patch.nullableString("runtimeProfile").ifPresent(value -> changed.set("runtimeProfile", stored(current, "runtimeProfile"), value.orElse(null), next::setRuntimeProfile));
        patch.nullableString("region").ifPresent(value -> changed.set("region", stored(current, "region"), value.orElse(null), next::setRegion));
        patch.stringList("capabilities").ifPresent(value -> changed.set("capabilities", stored(current, "capabilities"), distinct(value), next::setCapabilities));
        patch.stringList("skillKeys").ifPresent(value -> changed.set("skillKeys", stored(current, "skillKeys"), distinct(value), next::setSkillKeys));
        patch.stringList("policyIds").ifPresent(value -> changed.set("policyIds", stored(current, "policyIds"), distinct(value), next::setPolicyIds));
        patch.stringMap("labels").ifPresent(value -> changed.set("labels", stored(current, "labels"), value, next::setLabels));
        patch.wireEnum("status", MachineStatus.class).ifPresent(value -> changed.set("status", stored(current, "status"), value.wire(), next::setStatus));
        if (patch.has("identityProof")) {
            patch.addIssue("identityProof", "cannot be verified: this deployment has no peaqOS MCR resolver");
        }
        patch.validate();

        if (changed.contains("policyIds")) {
            requireKnownPolicies(next.getPolicyIds());
        }
        if (changed.contains("status") && MachineStatus.ACTIVE.wire().equals(next.getStatus())
                && settings.verificationRequired() && next.getIdentityProof() == null) {
            throw new ApiException(ErrorCode.MACHINE_NOT_ACTIVATED,
                    "machine " + machineId + " cannot be activated without a verified identity proof");
        }
        if (changed.isEmpty()) {
            return current;
        }
        Instant now = now();
        MachineState machine = next.setUpdatedAt(now).build();
        eventLog.appendForMachine(machineId, Events.envelope("machine.updated", Events.ACTOR_API, RESOURCE_TYPE, machineId,
                machineId, now, new MachineUpdated(machine, changed.fields())));
        return views.find(machineId).orElseThrow();
    }

    /** A stored field as a patch value compares with it: an embedded document as a map. */
    private static Object stored(Document current, String field) {
        Object value = current.get(field);
        return value instanceof Document document ? new LinkedHashMap<>(document) : value;
    }

    private void requireIdentityProof(Map<String, Object> identityProof) {
        if (identityProof != null && !settings.verificationRequired()) {
            throw ApiException.invalid("identityProof", "identity verification is off in this deployment; leave it out");
        }
        if (!settings.verificationRequired()) {
            return;
        }
        if (identityProof == null) {
            throw new ApiException(ErrorCode.MACHINE_IDENTITY_PROOF_REQUIRED,
                    "identity verification is required: send identityProof {challengeId, signature}");
        }
        throw new ApiException(ErrorCode.PEAQOS_IDENTITY_UNAVAILABLE,
                "identityProof cannot be verified: this deployment has no peaqOS MCR resolver");
    }

    private void requireKnownPolicies(List<String> policyIds) {
        List<FieldIssue> issues = new ArrayList<>();
        for (int i = 0; i < policyIds.size(); i++) {
            String policyId = policyIds.get(i);
            if (ViewStore.findLive(policies, policyId).isEmpty()) {
                issues.add(new FieldIssue("policyIds[" + i + "]", "policy " + policyId + " does not exist"));
            }
        }
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
