package dev.machinemarkets.gateway.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.machinemarkets.gateway.json.WireEnum;

public enum EndpointStatus implements WireEnum {
    ACTIVE("active"), DEGRADED("degraded"), UNREACHABLE("unreachable");

    private final String wire;

    EndpointStatus(String wire) {
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
