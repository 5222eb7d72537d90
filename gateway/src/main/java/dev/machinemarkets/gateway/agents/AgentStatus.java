package dev.machinemarkets.gateway.agents;

public enum AgentStatus {
    PROVISIONED("provisioned"), ACTIVE("active"), REVOKED("revoked");

    private final String wire;

    AgentStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
