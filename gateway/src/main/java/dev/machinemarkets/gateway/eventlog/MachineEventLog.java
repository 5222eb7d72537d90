package dev.machinemarkets.gateway.eventlog;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.kafka.EventPublisher;
import dev.machinemarkets.platform.kafka.PublishedEvent;
import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.events.EventEnvelope;

/**
 * The write path of everything about one machine: the events go to Kafka under the machine's key
 * and, once Kafka has them, into the views right away, so the client reads its own write. The
 * views listener applies the same events again from the topic, which changes nothing unless this
 * process died in between.
 */
@Component
public class MachineEventLog {

    private final EventPublisher publisher;
    private final MachineViewProjection projection;

    public MachineEventLog(EventPublisher publisher, MachineViewProjection projection) {
        this.publisher = publisher;
        this.projection = projection;
    }

    public void append(String machineId, List<EventEnvelope> events) {
        List<PublishedEvent> published = publisher.publish(Topics.MACHINE_EVENTS, machineId, events);
        for (PublishedEvent event : published) {
            projection.apply(event.event(), event.offset());
        }
    }

    public void append(String machineId, EventEnvelope event) {
        append(machineId, List.of(event));
    }
}
