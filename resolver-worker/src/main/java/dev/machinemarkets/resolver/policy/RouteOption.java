package dev.machinemarkets.resolver.policy;

import java.util.Optional;
import java.util.Set;

/**
 * One candidate route as policies see it: which service, how it would run, where, with what
 * capabilities, and its price per task (empty when the provider sets it per quote).
 */
public record RouteOption(
        String serviceId,
        String skillKey,
        ExecutionMode executionMode,
        String region,
        Set<String> capabilities,
        Optional<Money> price) {

    public RouteOption {
        capabilities = Set.copyOf(capabilities);
    }
}
