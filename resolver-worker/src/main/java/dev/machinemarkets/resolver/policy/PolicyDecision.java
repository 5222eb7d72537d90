package dev.machinemarkets.resolver.policy;

/** What one rule of one policy says about one route: allow, or a rejection with its reason. */
public sealed interface PolicyDecision {

    Allowed ALLOW = new Allowed();

    record Allowed() implements PolicyDecision {
    }

    /** rule names the policy field that rejected, so a client can tell which setting to change. */
    record Rejected(String policyId, String rule, String reason) implements PolicyDecision {

        /** "policy pol_1 (regionRules): region us-east-1 is denied by !us-*" */
        public String explain() {
            return "policy " + policyId + " (" + rule + "): " + reason;
        }
    }

    static PolicyDecision reject(Policy policy, String rule, String reason) {
        return new Rejected(policy.id(), rule, reason);
    }
}
