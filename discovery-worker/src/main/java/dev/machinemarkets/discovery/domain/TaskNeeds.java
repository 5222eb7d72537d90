package dev.machinemarkets.discovery.domain;

import java.util.List;
import java.util.Set;

/** What a task asks for, with the discover request's overrides already applied. */
public record TaskNeeds(
        String serviceType,
        String operation,
        String region,
        Double budget,
        boolean allowExternalHandoff,
        boolean requireNativeExecution,
        Set<String> requiredCapabilities,
        List<String> preferredSkillKeys,
        int maxCandidates) {

    public TaskNeeds {
        requiredCapabilities = Set.copyOf(requiredCapabilities);
        preferredSkillKeys = List.copyOf(preferredSkillKeys);
    }
}
