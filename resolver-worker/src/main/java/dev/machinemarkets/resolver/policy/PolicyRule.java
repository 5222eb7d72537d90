package dev.machinemarkets.resolver.policy;

/** One concern of a policy, checked against one route. */
@FunctionalInterface
public interface PolicyRule {

    PolicyDecision evaluate(Policy policy, RouteOption option);
}
