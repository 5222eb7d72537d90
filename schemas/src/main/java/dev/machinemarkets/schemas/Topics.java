package dev.machinemarkets.schemas;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;

import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.stages.StageMessage;

/**
 * The typed registry of every topic the orchestrator writes. Names carry a version suffix:
 * an incompatible change gets a new topic, never a new meaning for an old one.
 */
public final class Topics {

    public static final AvroSerde<EventEnvelope> EVENT_SERDE = new AvroSerde<>(EventEnvelope.class, EventEnvelope.getClassSchema());

    /** Machines, their runtime endpoints, their agents and their graphs. Keyed by machineId, so one machine's history is in order. */
    public static final Topic<String, EventEnvelope> MACHINE_EVENTS = new Topic<>(
            "mmo.machine-events.v1", Serdes.String(), EVENT_SERDE, "machineId",
            "machine.*, runtime-endpoint.*, machine-agent.*, graph.* events");

    /** Policies, which are global. Keyed by policyId. */
    public static final Topic<String, EventEnvelope> POLICY_EVENTS = new Topic<>(
            "mmo.policy-events.v1", Serdes.String(), EVENT_SERDE, "policyId", "policy.* events");

    /** The skill registry and service catalogue. One key, "catalogue", so every change is in one order. */
    public static final Topic<String, EventEnvelope> CATALOGUE_EVENTS = new Topic<>(
            "mmo.catalogue-events.v1", Serdes.String(), EVENT_SERDE, "\"catalogue\"", "catalogue.* events");

    public static final AvroSerde<StageMessage> STAGE_SERDE = new AvroSerde<>(StageMessage.class, StageMessage.getClassSchema());

    /** Commands to the discovery worker. Keyed by taskId. */
    public static final Topic<String, StageMessage> DISCOVER_COMMANDS = new Topic<>(
            "mmo.discover-commands.v1", Serdes.String(), STAGE_SERDE, "taskId", "commands of the DISCOVER stage");

    /** Commands to the resolver worker. Keyed by taskId. */
    public static final Topic<String, StageMessage> RESOLVE_COMMANDS = new Topic<>(
            "mmo.resolve-commands.v1", Serdes.String(), STAGE_SERDE, "taskId", "commands of the RESOLVE stage");

    /** Commands to the executor worker. Keyed by taskId. */
    public static final Topic<String, StageMessage> EXECUTE_COMMANDS = new Topic<>(
            "mmo.execute-commands.v1", Serdes.String(), STAGE_SERDE, "taskId", "commands of the EXECUTE stage");

    /** Replies of every stage to whoever waits. Keyed by correlationId; every gateway reads all of it. */
    public static final Topic<String, StageMessage> STAGE_REPLIES = new Topic<>(
            "mmo.stage-replies.v1", Serdes.String(), STAGE_SERDE, "correlationId", "replies of the pipeline stages");

    private Topics() {
    }

    /** The command and reply topics of the pipeline stages. */
    public static List<Topic<String, StageMessage>> stageTopics() {
        return List.of(DISCOVER_COMMANDS, RESOLVE_COMMANDS, EXECUTE_COMMANDS, STAGE_REPLIES);
    }

    /** Every topic that carries {@link EventEnvelope}s: what the audit sink stores. */
    public static List<Topic<String, EventEnvelope>> eventTopics() {
        return List.of(MACHINE_EVENTS, POLICY_EVENTS, CATALOGUE_EVENTS);
    }
}
