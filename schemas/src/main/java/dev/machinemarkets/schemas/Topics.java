package dev.machinemarkets.schemas;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;

import dev.machinemarkets.schemas.events.EventEnvelope;

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

    private Topics() {
    }

    /** Every topic that carries {@link EventEnvelope}s: what the audit sink stores. */
    public static List<Topic<String, EventEnvelope>> eventTopics() {
        return List.of(MACHINE_EVENTS, POLICY_EVENTS, CATALOGUE_EVENTS);
    }
}
