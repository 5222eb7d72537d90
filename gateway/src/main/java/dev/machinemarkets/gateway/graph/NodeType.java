package dev.machinemarkets.gateway.graph;

import dev.machinemarkets.platform.web.WireEnum;

public enum NodeType implements WireEnum {
    MACHINE, TRIGGER, SKILL, TASK, POLICY, DISCOVERY, STORAGE, MEMORY, HANDOFF, ROUTE, OUTCOME, CATALOG_ENTRY
}
