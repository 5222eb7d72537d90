package dev.machinemarkets.gateway.graph;

import dev.machinemarkets.platform.web.WireEnum;

public enum EdgeType implements WireEnum {
    CONNECTS, REQUEST, DISCOVER, CONSTRAIN, CANDIDATE, ROUTE, RESULT, ROUTE_SELECT, ROUTE_SOURCE, EXECUTE, HANDOFF,
    RECEIPT, SYNC, ALLOW, DENY
}
