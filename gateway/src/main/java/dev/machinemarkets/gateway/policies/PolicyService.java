package dev.machinemarkets.gateway.policies;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Service;

import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.gateway.json.Changes;
import dev.machinemarkets.gateway.json.PatchBody;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.schemas.events.PolicyCreated;
import dev.machinemarkets.schemas.events.PolicyUpdated;
import dev.machinemarkets.schemas.state.BudgetCap;
import dev.machinemarkets.schemas.state.PolicyState;
import tools.jackson.databind.JsonNode;

/**
 * Creates and changes policies. nativeOnly wins over the handoffAllowed default: a policy that is
 * native-only allows no handoff unless a request explicitly says both, which is refused.
 */
@Service
class PolicyService {

    static final String RESOURCE_TYPE = "policy";
    private static final Set<String> FIELDS = Set.of("name", "allowedSkillKeys", "deniedSkillKeys", "budgetCap", "regionRules",
            "nativeOnly", "handoffAllowed", "requiredCapabilities");

    private final PolicyViews views;
    private final EventLog eventLog;
    private final Clock clock;

    PolicyService(PolicyViews views, EventLog eventLog, Clock clock) {
        this.views = views;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    Document create(CreatePolicyRequest request) {
        Instant now = now();
        String policyId = Ids.newId("pol", now);
        boolean nativeOnly = Boolean.TRUE.equals(request.nativeOnly());
        PolicyState policy = PolicyState.newBuilder()
                .setId(policyId)
                .setName(request.name().trim())
                .setAllowedSkillKeys(PolicyRules.distinct(request.allowedSkillKeys()))
                .setDeniedSkillKeys(PolicyRules.distinct(request.deniedSkillKeys()))
                .setBudgetCap(request.budgetCap() == null ? null
                        : new BudgetCap(PolicyRules.currency(request.budgetCap().currency()), request.budgetCap().amount()))
                .setRegionRules(PolicyRules.regionRules(request.regionRules()))
                .setNativeOnly(nativeOnly)
                .setHandoffAllowed(request.handoffAllowed() == null ? !nativeOnly : request.handoffAllowed())
                .setRequiredCapabilities(PolicyRules.distinct(request.requiredCapabilities()))
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
        requireWellFormed(policy);
        eventLog.appendForPolicy(policyId, Events.envelope("policy.created", Events.ACTOR_API, RESOURCE_TYPE, policyId, null, now,
                new PolicyCreated(policy)));
        return views.find(policyId).orElseThrow();
    }

    Document update(String policyId, JsonNode body) {
        Document current = views.find(policyId).orElseThrow(() -> ApiException.notFound("policy", policyId));
        PatchBody patch = PatchBody.of(body, FIELDS);
        PolicyState before = AvroDocuments.fromDocument(current, PolicyState.class);
        PolicyState.Builder next = PolicyState.newBuilder(before);
        Changes changed = new Changes();
        patch.requiredString("name").ifPresent(v -> changed.set("name", before.getName(), v.trim(), next::setName));
        patch.stringList("allowedSkillKeys").ifPresent(v -> changed.set("allowedSkillKeys", before.getAllowedSkillKeys(),
                PolicyRules.distinct(v), next::setAllowedSkillKeys));
        patch.stringList("deniedSkillKeys").ifPresent(v -> changed.set("deniedSkillKeys", before.getDeniedSkillKeys(),
                PolicyRules.distinct(v), next::setDeniedSkillKeys));
        patch.stringList("regionRules").ifPresent(v -> changed.set("regionRules", before.getRegionRules(),
                PolicyRules.regionRules(v), next::setRegionRules));
        patch.stringList("requiredCapabilities").ifPresent(v -> changed.set("requiredCapabilities", before.getRequiredCapabilities(),
                PolicyRules.distinct(v), next::setRequiredCapabilities));
        if (patch.has("budgetCap")) {
            changed.set("budgetCap", before.getBudgetCap(), budgetCap(patch, body.get("budgetCap")), next::setBudgetCap);
        }
        patch.bool("nativeOnly").ifPresent(v -> changed.set("nativeOnly", before.getNativeOnly(), v, next::setNativeOnly));
        patch.bool("handoffAllowed").ifPresent(v -> changed.set("handoffAllowed", before.getHandoffAllowed(), v, next::setHandoffAllowed));
        patch.validate();
        if (changed.contains("nativeOnly") && next.getNativeOnly() && !patch.has("handoffAllowed")) {
            changed.set("handoffAllowed", before.getHandoffAllowed(), false, next::setHandoffAllowed);
        }
        if (changed.isEmpty()) {
            return current;
        }
        Instant now = now();
        PolicyState policy = next.setUpdatedAt(now).build();
        requireWellFormed(policy);
        eventLog.appendForPolicy(policyId, Events.envelope("policy.updated", Events.ACTOR_API, RESOURCE_TYPE, policyId, null, now,
                new PolicyUpdated(policy, changed.fields())));
        return views.find(policyId).orElseThrow();
    }

    private static BudgetCap budgetCap(PatchBody patch, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isObject() || !value.path("amount").isNumber() || !value.path("currency").isString()) {
            patch.addIssue("budgetCap", "must be {amount: number, currency: string} or null");
            return null;
        }
        for (String name : value.propertyNames()) {
            if (!name.equals("amount") && !name.equals("currency")) {
                patch.addIssue("budgetCap." + name, "is not a known field");
            }
        }
        return new BudgetCap(PolicyRules.currency(value.get("currency").asString()), value.get("amount").asDouble());
    }

    private static void requireWellFormed(PolicyState policy) {
        List<FieldIssue> issues = PolicyRules.check(policy);
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
