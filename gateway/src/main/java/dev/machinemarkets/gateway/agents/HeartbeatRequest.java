package dev.machinemarkets.gateway.agents;

import java.util.List;

import dev.machinemarkets.gateway.runtime.AuthType;
import dev.machinemarkets.gateway.runtime.EndpointSpec;
import dev.machinemarkets.gateway.runtime.EndpointStatus;
import dev.machinemarkets.gateway.runtime.NetworkScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record HeartbeatRequest(
        @NotBlank(message = "is required") String machineId,
        @NotBlank(message = "is required") String agentId,
        String agentToken,
        @Min(value = 30, message = "must be from 30 to 86400") @Max(value = 86_400, message = "must be from 30 to 86400") Integer leaseSeconds,
        @Size(max = 64, message = "must list at most 64 endpoints") List<@Valid Endpoint> endpoints) {

    public record Endpoint(
            @NotBlank(message = "is required") String providerKey,
            @NotBlank(message = "is required") String endpointBaseUrl,
            @Size(max = 200, message = "must be at most 200 characters") String label,
            AuthType authType,
            @Size(max = 8192, message = "must be at most 8192 characters") String authToken,
            String modelAlias,
            NetworkScope networkScope,
            String probePath,
            EndpointStatus status) {

        EndpointSpec spec() {
            return new EndpointSpec(endpointBaseUrl, label, authType, authToken, modelAlias, networkScope, probePath, status, null, null);
        }
    }
}
