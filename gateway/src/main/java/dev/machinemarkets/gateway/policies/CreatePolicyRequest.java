package dev.machinemarkets.gateway.policies;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record CreatePolicyRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        List<@NotBlank(message = "must be a non-blank string") String> allowedSkillKeys,
        List<@NotBlank(message = "must be a non-blank string") String> deniedSkillKeys,
        @Valid BudgetCap budgetCap,
        List<@NotBlank(message = "must be a non-blank string") String> regionRules,
        Boolean nativeOnly,
        Boolean handoffAllowed,
        List<@NotBlank(message = "must be a non-blank string") String> requiredCapabilities) {

    public record BudgetCap(@NotNull(message = "is required") Double amount, @NotBlank(message = "is required") String currency) {
    }
}
