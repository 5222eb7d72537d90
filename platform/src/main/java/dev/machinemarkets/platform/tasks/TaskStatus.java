package dev.machinemarkets.platform.tasks;

import java.util.EnumSet;
import java.util.Set;

import dev.machinemarkets.platform.web.WireEnum;

/**
 * The lifecycle of a task. A task is queued when created, resolving while a route is being chosen,
 * resolved once it has one, executing while the route runs, and ends completed, failed or handed_off.
 * A failed or resolved task may be resolved again; completed and handed_off are final.
 */
public enum TaskStatus implements WireEnum {
    DRAFT, QUEUED, RESOLVING, RESOLVED, EXECUTING, COMPLETED, FAILED, HANDED_OFF;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Set<TaskStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(QUEUED);
            case QUEUED -> EnumSet.of(RESOLVING, RESOLVED, FAILED);
            case RESOLVING -> EnumSet.of(RESOLVED, FAILED);
            case RESOLVED -> EnumSet.of(RESOLVING, RESOLVED, EXECUTING, FAILED);
            case EXECUTING -> EnumSet.of(COMPLETED, FAILED, HANDED_OFF);
            case FAILED -> EnumSet.of(RESOLVING, RESOLVED);
            case COMPLETED, HANDED_OFF -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    public boolean canMoveTo(TaskStatus target) {
        return next().contains(target);
    }

    /** Discovery reads the catalogue for a task that is not running and not finished. */
    public boolean canDiscover() {
        return this == QUEUED || this == RESOLVED || this == FAILED;
    }

    public static TaskStatus of(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
