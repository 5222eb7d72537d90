package dev.machinemarkets.resolver.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A policy as the resolver applies it (the PolicyRecord of the API). */
public record Policy(
        String id,
        String name,
        Set<String> allowedSkillKeys,
        Set<String> deniedSkillKeys,
        Optional<Money> budgetCap,
        List<String> regionRules,
        boolean nativeOnly,
        boolean handoffAllowed,
        Set<String> requiredCapabilities) {

    public Policy {
        allowedSkillKeys = Set.copyOf(allowedSkillKeys);
        deniedSkillKeys = Set.copyOf(deniedSkillKeys);
        regionRules = List.copyOf(regionRules);
        requiredCapabilities = Set.copyOf(requiredCapabilities);
    }

    /** A policy that allows everything: the neutral element when a machine has no policies. */
    public static Policy permissive(String id) {
        return new Policy(id, id, Set.of(), Set.of(), Optional.empty(), List.of(), false, true, Set.of());
    }
}
