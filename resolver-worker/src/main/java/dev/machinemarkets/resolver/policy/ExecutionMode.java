package dev.machinemarkets.resolver.policy;

/** How a route is carried out: on the machine's runtime or by handing the work to an external provider. */
public enum ExecutionMode {
    NATIVE("native"), EXTERNAL_HANDOFF("external-handoff");

    private final String wire;

    ExecutionMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
