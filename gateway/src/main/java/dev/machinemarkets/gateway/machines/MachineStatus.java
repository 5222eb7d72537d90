package dev.machinemarkets.gateway.machines;

import dev.machinemarkets.platform.web.WireEnum;

public enum MachineStatus implements WireEnum {
    DRAFT, ACTIVE, DEGRADED, BLOCKED, ARCHIVED
}
