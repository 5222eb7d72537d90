package dev.machinemarkets.platform.stages;

import dev.machinemarkets.schemas.Topic;
import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.stages.StageMessage;

/** The three pipeline stages and the topic each one takes its commands from. */
public enum Stage {
    DISCOVER("discover", Topics.DISCOVER_COMMANDS),
    RESOLVE("resolve", Topics.RESOLVE_COMMANDS),
    EXECUTE("execute", Topics.EXECUTE_COMMANDS);

    private final String wire;
    private final Topic<String, StageMessage> commands;

    Stage(String wire, Topic<String, StageMessage> commands) {
        this.wire = wire;
        this.commands = commands;
    }

    public String wire() {
        return wire;
    }

    public Topic<String, StageMessage> commands() {
        return commands;
    }
}
