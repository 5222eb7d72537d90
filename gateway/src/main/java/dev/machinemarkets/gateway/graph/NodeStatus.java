package dev.machinemarkets.gateway.graph;

import dev.machinemarkets.platform.web.WireEnum;

public enum NodeStatus implements WireEnum {
    DRAFT, ACTIVE, BLOCKED, DEGRADED
}
