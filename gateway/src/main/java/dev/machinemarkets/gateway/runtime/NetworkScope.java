package dev.machinemarkets.gateway.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.machinemarkets.gateway.json.WireEnum;

public enum NetworkScope implements WireEnum {
    LOOPBACK("loopback"), LAN("lan"), VPN("vpn"), PUBLIC("public");

    private final String wire;

    NetworkScope(String wire) {
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
