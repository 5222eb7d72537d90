package dev.machinemarkets.gateway.policies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.schemas.state.PolicyState;

/**
 * What makes a policy well-formed. The rules are enforced by the resolver; here only their shape is
 * checked, so that a policy that cannot be applied is never stored.
 */
public final class PolicyRules {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern REGION_RULE = Pattern.compile("^!?[a-z0-9*][a-z0-9*._-]*$");

    private PolicyRules() {
    }

    public static List<FieldIssue> check(PolicyState policy) {
        List<FieldIssue> issues = new ArrayList<>();
        if (policy.getName() == null || policy.getName().isBlank()) {
            issues.add(new FieldIssue("name", "is required"));
        }
        for (String key : policy.getAllowedSkillKeys()) {
            if (policy.getDeniedSkillKeys().contains(key)) {
                issues.add(new FieldIssue("deniedSkillKeys", "skill " + key + " cannot be both allowed and denied"));
            }
        }
        if (policy.getBudgetCap() != null) {
            double amount = policy.getBudgetCap().getAmount();
            if (Double.isNaN(amount) || Double.isInfinite(amount) || amount < 0) {
                issues.add(new FieldIssue("budgetCap.amount", "must be a number >= 0"));
            }
            if (!CURRENCY.matcher(policy.getBudgetCap().getCurrency()).matches()) {
                issues.add(new FieldIssue("budgetCap.currency", "must be a three-letter currency code such as USD"));
            }
        }
        List<String> rules = policy.getRegionRules();
        for (int i = 0; i < rules.size(); i++) {
            if (!REGION_RULE.matcher(rules.get(i)).matches()) {
                issues.add(new FieldIssue("regionRules[" + i + "]",
                        "must be a region such as eu-west-1, a pattern such as eu-*, or either with a leading ! to deny it"));
            }
        }
        if (policy.getNativeOnly() && policy.getHandoffAllowed()) {
            issues.add(new FieldIssue("handoffAllowed", "cannot be true while nativeOnly is true: a native-only policy allows no handoff"));
        }
        return issues;
    }

    public static String currency(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public static List<String> regionRules(List<String> rules) {
        return rules == null ? List.of() : distinct(rules.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList());
    }

    public static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
