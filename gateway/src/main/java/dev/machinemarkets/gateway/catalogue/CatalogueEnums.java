package dev.machinemarkets.gateway.catalogue;

import dev.machinemarkets.platform.web.WireEnum;

/** The closed vocabularies of the catalogue. */
public final class CatalogueEnums {

    private CatalogueEnums() {
    }

    public enum ExecutionMode implements WireEnum {
        NATIVE, EXTERNAL_HANDOFF
    }

    /**
     * live: runs end to end through the orchestrator; handoff-only: the agent is sent to the provider;
     * preview: listed but never offered by discovery; disabled: kept for reference, never offered.
     */
    public enum IntegrationStatus implements WireEnum {
        LIVE, HANDOFF_ONLY, PREVIEW, DISABLED
    }

    public enum PricingMode implements WireEnum {
        PROVIDER_DEFINED, FIXED, QUOTE_REQUIRED
    }
}
