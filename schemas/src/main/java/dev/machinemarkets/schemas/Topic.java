package dev.machinemarkets.schemas;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic name together with the serdes of its keys and values, so that producers and
 * consumers cannot disagree about either.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String keyedBy, String description) {
}
