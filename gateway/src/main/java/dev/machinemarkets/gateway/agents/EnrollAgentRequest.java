package dev.machinemarkets.gateway.agents;

import java.util.List;

import jakarta.validation.constraints.Size;

public record EnrollAgentRequest(
        @Size(max = 200, message = "must be at most 200 characters") String label,
        List<String> allowedProviderKeys,
        List<String> providerKeys) {
}
