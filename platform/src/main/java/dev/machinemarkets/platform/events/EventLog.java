package dev.machinemarkets.platform.events;

import java.util.List;

import dev.machinemarkets.platform.kafka.EventPublisher;
import dev.machinemarkets.platform.kafka.PublishedEvent;
import dev.machinemarkets.platform.views.ViewProjections;
import dev.machinemarkets.schemas.Topic;
import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.events.EventEnvelope;

/**
 * The write path of every service: events go to Kafka under their aggregate's key and, once Kafka has them, into the
 * views right away, so whoever is waiting reads the write at once. The gateway's views listener applies the
 * same events again from the topic, which changes nothing unless this process died in between.
 */
public class EventLog {

    private final EventPublisher<EventEnvelope> publisher;
    private final ViewProjections projections;

    public EventLog(EventPublisher<EventEnvelope> publisher, ViewProjections projections) {
        this.publisher = publisher;
        this.projections = projections;
    }

    /** Everything about one machine (its endpoints, agents and graph too) is keyed by the machine. */
    public void appendForMachine(String machineId, List<EventEnvelope> events) {
        append(Topics.MACHINE_EVENTS, machineId, events);
    }

    public void appendForMachine(String machineId, EventEnvelope event) {
        appendForMachine(machineId, List.of(event));
    }

    public void appendForPolicy(String policyId, EventEnvelope event) {
        append(Topics.POLICY_EVENTS, policyId, List.of(event));
    }

    /** Catalogue changes share one key, so they are applied in the order they were made. */
    public void appendForCatalogue(List<EventEnvelope> events) {
        append(Topics.CATALOGUE_EVENTS, "catalogue", events);
    }

    private void append(Topic<String, EventEnvelope> topic, String key, List<EventEnvelope> events) {
        List<PublishedEvent<EventEnvelope>> published = publisher.publish(topic, key, events);
        for (PublishedEvent<EventEnvelope> event : published) {
            projections.apply(event.event(), event.offset());
        }
    }
}
