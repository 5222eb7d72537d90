package dev.machinemarkets.gateway.machines;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.machinemarkets.gateway.json.WireEnum;

public enum MachineStatus implements WireEnum {
    DRAFT("draft"), ACTIVE("active"), DEGRADED("degraded"), BLOCKED("blocked"), ARCHIVED("archived");

    private final String wire;

    MachineStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
