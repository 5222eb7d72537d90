package dev.machinemarkets.platform.kafka;

import dev.machinemarkets.schemas.events.EventEnvelope;

/** An event as Kafka stored it; the offset orders it among the other events of its aggregate. */
public record PublishedEvent(EventEnvelope event, int partition, long offset) {
}
