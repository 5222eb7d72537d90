package dev.machinemarkets.gateway.runtime;

import dev.machinemarkets.platform.web.WireEnum;

public enum AuthType implements WireEnum {
    NONE, API_KEY, BEARER
}
