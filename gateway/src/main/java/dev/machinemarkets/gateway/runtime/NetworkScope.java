package dev.machinemarkets.gateway.runtime;

import dev.machinemarkets.platform.web.WireEnum;

public enum NetworkScope implements WireEnum {
    LOOPBACK, LAN, VPN, PUBLIC
}
