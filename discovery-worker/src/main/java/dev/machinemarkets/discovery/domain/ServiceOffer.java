package dev.machinemarkets.discovery.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A catalogue service as discovery weighs it. price is the fixed price per task, empty when the
 * provider sets it (provider-defined or quote-required pricing).
 */
public record ServiceOffer(
        String id,
        String skillKey,
        String providerKey,
        String serviceType,
        List<String> operations,
        String executionMode,
        String integrationStatus,
        String region,
        Set<String> capabilities,
        boolean hasHandoff,
        Optional<Double> price,
        String currency) {

    public static final String NATIVE = "native";
    public static final String HANDOFF = "external-handoff";

    public ServiceOffer {
        operations = List.copyOf(operations);
        capabilities = Set.copyOf(capabilities);
    }

    public boolean isNative() {
        return NATIVE.equals(executionMode);
    }
}
