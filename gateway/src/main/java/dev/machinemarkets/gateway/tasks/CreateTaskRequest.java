package dev.machinemarkets.gateway.tasks;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public record CreateTaskRequest(
        @NotBlank(message = "is required") String serviceType,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String taskType,
        String operation,
        Map<String, Object> input,
        @Valid Constraints constraints,
        @Valid Discovery discovery,
        Boolean autoRun) {

    public record Constraints(
            String region,
            @PositiveOrZero(message = "must be >= 0") Double budget,
            Boolean allowExternalHandoff,
            Boolean requireNativeExecution,
            List<@NotBlank(message = "must be a non-blank string") String> requiredCapabilities,
            List<@NotBlank(message = "must be a non-blank string") String> preferredSkillKeys) {
    }

    public record Discovery(@Min(value = 1, message = "must be from 1 to 25") @Max(value = 25, message = "must be from 1 to 25") Integer maxCandidates) {
    }

    public record DiscoverOptions(
            Boolean allowExternalHandoff,
            Boolean requireNativeExecution,
            @Min(value = 1, message = "must be from 1 to 25") @Max(value = 25, message = "must be from 1 to 25") Integer maxCandidates) {
    }
}
