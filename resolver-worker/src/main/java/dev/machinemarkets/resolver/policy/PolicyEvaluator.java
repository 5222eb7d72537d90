package dev.machinemarkets.resolver.policy;

import java.util.ArrayList;
import java.util.List;

/** Applies every rule of every policy bound to a machine to one route and collects what rejects it. */
public final class PolicyEvaluator {

    private final List<PolicyRule> rules;

    public PolicyEvaluator() {
        this(PolicyRules.ALL);
    }

    public PolicyEvaluator(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Verdict evaluate(List<Policy> policies, RouteOption option) {
        List<PolicyDecision.Rejected> rejections = new ArrayList<>();
        for (Policy policy : policies) {
            for (PolicyRule rule : rules) {
                if (rule.evaluate(policy, option) instanceof PolicyDecision.Rejected rejected) {
                    rejections.add(rejected);
                }
            }
        }
        return new Verdict(rejections);
    }

    /** A route is eligible when no rule of any policy rejects it. */
    public record Verdict(List<PolicyDecision.Rejected> rejections) {

        public Verdict {
            rejections = List.copyOf(rejections);
        }

        public boolean allowed() {
            return rejections.isEmpty();
        }

        /** The reasons, one sentence each, for RouteRecord.reason. */
        public String explain() {
            return String.join("; ", rejections.stream().map(PolicyDecision.Rejected::explain).toList());
        }
    }
}
