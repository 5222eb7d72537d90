package dev.machinemarkets.gateway.catalogue;

import java.util.List;
import java.util.Map;

import dev.machinemarkets.gateway.catalogue.CatalogueEnums.ExecutionMode;
import dev.machinemarkets.gateway.catalogue.CatalogueEnums.IntegrationStatus;
import dev.machinemarkets.gateway.catalogue.CatalogueEnums.PricingMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The shapes of the catalogue file and of PUT /services/:serviceId. */
public final class CatalogueRequests {

    private CatalogueRequests() {
    }

    public record CatalogueFile(int version, List<@Valid Skill> skills, List<@Valid Service> services) {
    }

    public record Skill(
            @NotBlank(message = "is required") String key,
            @NotBlank(message = "is required") String providerKey,
            @NotBlank(message = "is required") String label,
            String description,
            List<String> serviceTypes,
            List<String> operations,
            @NotNull(message = "is required") ExecutionMode executionMode,
            @NotNull(message = "is required") IntegrationStatus integrationStatus) {
    }

    /** id is taken from the path on PUT; in the catalogue file it is required. */
    public record Service(
            String id,
            @NotBlank(message = "is required") String skillKey,
            @NotBlank(message = "is required") String providerKey,
            @NotBlank(message = "is required") String companyName,
            @NotBlank(message = "is required") String serviceType,
            @NotBlank(message = "is required") String name,
            String description,
            List<@NotBlank(message = "must be a non-blank string") String> operations,
            @NotNull(message = "is required") ExecutionMode executionMode,
            @NotNull(message = "is required") IntegrationStatus integrationStatus,
            String region,
            List<@NotBlank(message = "must be a non-blank string") String> capabilities,
            @Valid Handoff handoff,
            @Valid Pricing pricing,
            Map<String, Object> metadata) {
    }

    public record Handoff(@NotBlank(message = "is required") String label, @NotBlank(message = "is required") String url, List<String> notes) {
    }

    public record Pricing(@NotNull(message = "is required") PricingMode mode, Double amount, String currency, String rate, List<String> notes) {
    }
}
