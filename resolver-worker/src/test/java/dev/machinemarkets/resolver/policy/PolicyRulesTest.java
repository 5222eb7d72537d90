package dev.machinemarkets.resolver.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PolicyRulesTest {

    private static final Policy OPEN = Policy.permissive("pol_open");

    private static RouteOption route(String skillKey, ExecutionMode mode, String region, Set<String> capabilities, Optional<Money> price) {
        return new RouteOption("svc_" + skillKey, skillKey, mode, region, capabilities, price);
    }

    private static RouteOption nativeRoute() {
        return route("qvac-private-inference", ExecutionMode.NATIVE, "eu-west-1", Set.of("llm", "gpu"), Optional.of(Money.of("0", null)));
    }

    private static RouteOption handoffRoute() {
        return route("storage.object", ExecutionMode.EXTERNAL_HANDOFF, "us-east-1", Set.of("s3"), Optional.of(Money.of("2.50", "USD")));
    }

    private static Policy policy(Set<String> allowed, Set<String> denied, Optional<Money> cap, List<String> regions, boolean nativeOnly,
            boolean handoffAllowed, Set<String> capabilities) {
        return new Policy("pol_1", "test", allowed, denied, cap, regions, nativeOnly, handoffAllowed, capabilities);
    }

    private static void assertRejects(PolicyRule rule, Policy policy, RouteOption option, String field, String reasonPart) {
        PolicyDecision decision = rule.evaluate(policy, option);
        assertThat(decision).isInstanceOf(PolicyDecision.Rejected.class);
        PolicyDecision.Rejected rejected = (PolicyDecision.Rejected) decision;
        assertThat(rejected.policyId()).isEqualTo("pol_1");
        assertThat(rejected.rule()).isEqualTo(field);
        assertThat(rejected.reason()).contains(reasonPart);
    }

    @Test
    void aPermissivePolicyAllowsEveryRoute() {
        for (PolicyRule rule : PolicyRules.ALL) {
            assertThat(rule.evaluate(OPEN, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
            assertThat(rule.evaluate(OPEN, handoffRoute())).isEqualTo(PolicyDecision.ALLOW);
        }
    }

    @Test
    void allowedSkillKeysLimitTheSkillsWhenTheyListAny() {
        Policy policy = policy(Set.of("qvac-private-inference"), Set.of(), Optional.empty(), List.of(), false, true, Set.of());
        assertThat(PolicyRules.ALLOWED_SKILL_KEYS.evaluate(policy, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
        assertRejects(PolicyRules.ALLOWED_SKILL_KEYS, policy, handoffRoute(), "allowedSkillKeys", "storage.object is not in the allowed list");
    }

    @Test
    void deniedSkillKeysRejectThoseSkills() {
        Policy policy = policy(Set.of(), Set.of("storage.object"), Optional.empty(), List.of(), false, true, Set.of());
        assertThat(PolicyRules.DENIED_SKILL_KEYS.evaluate(policy, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
        assertRejects(PolicyRules.DENIED_SKILL_KEYS, policy, handoffRoute(), "deniedSkillKeys", "storage.object is denied");
    }

    @Test
    void aBudgetCapNeedsAKnownPriceInItsCurrencyAndNoMore() {
        Policy usd3 = policy(Set.of(), Set.of(), Optional.of(Money.of("3", "USD")), List.of(), false, true, Set.of());
        Policy usd2 = policy(Set.of(), Set.of(), Optional.of(Money.of("2", "USD")), List.of(), false, true, Set.of());
        Policy eur = policy(Set.of(), Set.of(), Optional.of(Money.of("100", "EUR")), List.of(), false, true, Set.of());
        assertThat(PolicyRules.BUDGET_CAP.evaluate(usd3, handoffRoute())).isEqualTo(PolicyDecision.ALLOW);
        assertThat(PolicyRules.BUDGET_CAP.evaluate(usd2, nativeRoute())).as("free").isEqualTo(PolicyDecision.ALLOW);
        Policy exactly = policy(Set.of(), Set.of(), Optional.of(Money.of("2.50", "USD")), List.of(), false, true, Set.of());
        assertThat(PolicyRules.BUDGET_CAP.evaluate(exactly, handoffRoute())).as("equal to the cap").isEqualTo(PolicyDecision.ALLOW);
        assertRejects(PolicyRules.BUDGET_CAP, usd2, handoffRoute(), "budgetCap", "over the cap of 2");
        assertRejects(PolicyRules.BUDGET_CAP, eur, handoffRoute(), "budgetCap", "priced in USD, the cap is in EUR");
        assertRejects(PolicyRules.BUDGET_CAP, usd3, route("x", ExecutionMode.EXTERNAL_HANDOFF, null, Set.of(), Optional.empty()),
                "budgetCap", "set per quote");
    }

    @Test
    void regionRulesAllowListedRegionsAndDenyNegatedOnes() {
        Policy euOnly = policy(Set.of(), Set.of(), Optional.empty(), List.of("eu-*"), false, true, Set.of());
        Policy notUsEast = policy(Set.of(), Set.of(), Optional.empty(), List.of("!us-east-*"), false, true, Set.of());
        assertThat(PolicyRules.REGION_RULES.evaluate(euOnly, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
        assertRejects(PolicyRules.REGION_RULES, euOnly, handoffRoute(), "regionRules", "region us-east-1 is not in eu-*");
        assertRejects(PolicyRules.REGION_RULES, notUsEast, handoffRoute(), "regionRules", "denied by !us-east-*");
        assertThat(PolicyRules.REGION_RULES.evaluate(notUsEast, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
    }

    @Test
    void aGlobalServicePassesAllowRulesButNotADenyOfGlobal() {
        assertThat(RegionRules.check(List.of("eu-*"), "global")).isEmpty();
        assertThat(RegionRules.check(List.of("eu-*"), null)).isEmpty();
        assertThat(RegionRules.check(List.of("!global"), null)).contains("region global is denied by !global");
        assertThat(RegionRules.check(List.of("!*"), "eu-west-1")).isPresent();
        assertThat(RegionRules.check(List.of("eu-west-1", "eu-central-1"), "EU-WEST-1")).isEmpty();
        assertThat(RegionRules.check(List.of("eu.west"), "euxwest")).as("a dot is not a wildcard").isPresent();
        assertThat(RegionRules.check(List.of(), "anywhere")).isEmpty();
    }

    @Test
    void nativeOnlyRejectsHandoffsAndHandoffAllowedFalseToo() {
        Policy nativeOnly = policy(Set.of(), Set.of(), Optional.empty(), List.of(), true, false, Set.of());
        Policy noHandoff = policy(Set.of(), Set.of(), Optional.empty(), List.of(), false, false, Set.of());
        assertThat(PolicyRules.NATIVE_ONLY.evaluate(nativeOnly, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
        assertRejects(PolicyRules.NATIVE_ONLY, nativeOnly, handoffRoute(), "nativeOnly", "this route is external-handoff");
        assertThat(PolicyRules.HANDOFF_ALLOWED.evaluate(noHandoff, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
        assertRejects(PolicyRules.HANDOFF_ALLOWED, noHandoff, handoffRoute(), "handoffAllowed", "not allowed");
    }

    @Test
    void requiredCapabilitiesMustAllBeOffered() {
        Policy gpu = policy(Set.of(), Set.of(), Optional.empty(), List.of(), false, true, Set.of("gpu", "llm"));
        assertThat(PolicyRules.REQUIRED_CAPABILITIES.evaluate(gpu, nativeRoute())).isEqualTo(PolicyDecision.ALLOW);
        assertRejects(PolicyRules.REQUIRED_CAPABILITIES, gpu, handoffRoute(), "requiredCapabilities", "lacks gpu, llm");
    }

    @Test
    void theEvaluatorCollectsEveryRejectionOfEveryPolicy() {
        Policy euOnly = new Policy("pol_eu", "EU", Set.of(), Set.of(), Optional.empty(), List.of("eu-*"), false, true, Set.of());
        Policy nativeOnly = new Policy("pol_native", "Native", Set.of(), Set.of(), Optional.empty(), List.of(), true, false, Set.of());
        PolicyEvaluator evaluator = new PolicyEvaluator();

        assertThat(evaluator.evaluate(List.of(euOnly, nativeOnly), nativeRoute()).allowed()).isTrue();
        assertThat(evaluator.evaluate(List.of(), handoffRoute()).allowed()).isTrue();

        PolicyEvaluator.Verdict verdict = evaluator.evaluate(List.of(euOnly, nativeOnly), handoffRoute());
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.rejections()).extracting(PolicyDecision.Rejected::rule)
                .containsExactly("regionRules", "nativeOnly", "handoffAllowed");
        assertThat(verdict.explain()).startsWith("policy pol_eu (regionRules): region us-east-1 is not in eu-*; policy pol_native (nativeOnly)");
    }
}
