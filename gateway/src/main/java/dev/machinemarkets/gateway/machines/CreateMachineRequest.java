package dev.machinemarkets.gateway.machines;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateMachineRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String displayName,
        @NotBlank(message = "is required") String identityRef,
        String ownerId,
        String machineType,
        String runtimeProfile,
        String region,
        List<@NotBlank(message = "must be a non-blank string") String> capabilities,
        Map<String, String> labels,
        List<@NotBlank(message = "must be a non-blank string") String> policyIds,
        List<@NotBlank(message = "must be a non-blank string") String> skillKeys,
        MachineStatus status,
        Map<String, Object> identityProof) {
}
