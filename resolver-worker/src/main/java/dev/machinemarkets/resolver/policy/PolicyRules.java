package dev.machinemarkets.resolver.policy;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The rules of a PolicyRecord, one per field. */
public final class PolicyRules {

    /** allowedSkillKeys: when it lists any, the route's skill must be one of them. */
    public static final PolicyRule ALLOWED_SKILL_KEYS = (policy, option) ->
            policy.allowedSkillKeys().isEmpty() || policy.allowedSkillKeys().contains(option.skillKey())
                    ? PolicyDecision.ALLOW
                    : PolicyDecision.reject(policy, "allowedSkillKeys", "skill " + option.skillKey() + " is not in the allowed list");

    /** deniedSkillKeys: the route's skill must not be listed. */
    public static final PolicyRule DENIED_SKILL_KEYS = (policy, option) ->
            policy.deniedSkillKeys().contains(option.skillKey())
                    ? PolicyDecision.reject(policy, "deniedSkillKeys", "skill " + option.skillKey() + " is denied")
                    : PolicyDecision.ALLOW;

    /**
     * budgetCap: the route's price must be known and within the cap, in the cap's currency. A free route
     * is always within it; a price set per quote cannot be guaranteed and is rejected.
     */
    public static final PolicyRule BUDGET_CAP = (policy, option) -> {
        if (policy.budgetCap().isEmpty()) {
            return PolicyDecision.ALLOW;
        }
        Money cap = policy.budgetCap().get();
        Optional<Money> price = option.price();
        if (price.isEmpty()) {
            return PolicyDecision.reject(policy, "budgetCap", "the price is set per quote, so a cap of "
                    + cap.amount().toPlainString() + " " + cap.currency() + " cannot be guaranteed");
        }
        if (price.get().isFree()) {
            return PolicyDecision.ALLOW;
        }
        if (!cap.currency().equals(price.get().currency())) {
            return PolicyDecision.reject(policy, "budgetCap", "priced in " + price.get().currency() + ", the cap is in " + cap.currency());
        }
        return price.get().amount().compareTo(cap.amount()) <= 0
                ? PolicyDecision.ALLOW
                : PolicyDecision.reject(policy, "budgetCap", "price " + price.get().amount().toPlainString() + " " + cap.currency()
                        + " is over the cap of " + cap.amount().toPlainString());
    };

    /** regionRules: see {@link RegionRules}. */
    public static final PolicyRule REGION_RULES = (policy, option) -> RegionRules.check(policy.regionRules(), option.region())
            .map(reason -> PolicyDecision.reject(policy, "regionRules", reason))
            .orElse(PolicyDecision.ALLOW);

    /** nativeOnly: the route must run natively. */
    public static final PolicyRule NATIVE_ONLY = (policy, option) ->
            policy.nativeOnly() && option.executionMode() != ExecutionMode.NATIVE
                    ? PolicyDecision.reject(policy, "nativeOnly", "only native execution is allowed, this route is " + option.executionMode().wire())
                    : PolicyDecision.ALLOW;

    /** handoffAllowed: when false, the route must not hand the work to an external provider. */
    public static final PolicyRule HANDOFF_ALLOWED = (policy, option) ->
            !policy.handoffAllowed() && option.executionMode() == ExecutionMode.EXTERNAL_HANDOFF
                    ? PolicyDecision.reject(policy, "handoffAllowed", "external handoff is not allowed")
                    : PolicyDecision.ALLOW;

    /** requiredCapabilities: the route's service must offer every one of them. */
    public static final PolicyRule REQUIRED_CAPABILITIES = (policy, option) -> {
        TreeSet<String> missing = new TreeSet<>(policy.requiredCapabilities());
        missing.removeAll(option.capabilities());
        return missing.isEmpty()
                ? PolicyDecision.ALLOW
                : PolicyDecision.reject(policy, "requiredCapabilities", "the service lacks " + String.join(", ", missing));
    };

    public static final List<PolicyRule> ALL = List.of(ALLOWED_SKILL_KEYS, DENIED_SKILL_KEYS, BUDGET_CAP, REGION_RULES, NATIVE_ONLY,
            HANDOFF_ALLOWED, REQUIRED_CAPABILITIES);

    private PolicyRules() {
    }
}
