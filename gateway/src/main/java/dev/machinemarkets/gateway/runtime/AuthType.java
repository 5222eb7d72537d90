package dev.machinemarkets.gateway.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.machinemarkets.gateway.json.WireEnum;

public enum AuthType implements WireEnum {
    NONE("none"), API_KEY("api-key"), BEARER("bearer");

    private final String wire;

    AuthType(String wire) {
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
