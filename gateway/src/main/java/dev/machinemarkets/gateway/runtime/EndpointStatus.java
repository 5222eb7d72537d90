package dev.machinemarkets.gateway.runtime;

import dev.machinemarkets.platform.web.WireEnum;

public enum EndpointStatus implements WireEnum {
    ACTIVE, DEGRADED, UNREACHABLE
}
