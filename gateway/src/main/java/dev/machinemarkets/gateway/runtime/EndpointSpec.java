package dev.machinemarkets.gateway.runtime;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client or an agent says about one runtime endpoint. PUT and the heartbeat share it; the
 * heartbeat sets the providerKey per entry and the lease itself. A source sent by a client is accepted
 * and ignored: an endpoint written through PUT is always manual.
 */
public record EndpointSpec(
        @NotBlank(message = "is required") String endpointBaseUrl,
        @Size(max = 200, message = "must be at most 200 characters") String label,
        AuthType authType,
        @Size(max = 8192, message = "must be at most 8192 characters") String authToken,
        String modelAlias,
        NetworkScope networkScope,
        String probePath,
        EndpointStatus status,
        Instant leaseExpiresAt,
        String source) {
}
