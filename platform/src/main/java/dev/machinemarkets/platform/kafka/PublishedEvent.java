package dev.machinemarkets.platform.kafka;

/** A record as Kafka stored it; the offset orders it among the other records of its key. */
public record PublishedEvent<V>(V event, int partition, long offset) {
}
