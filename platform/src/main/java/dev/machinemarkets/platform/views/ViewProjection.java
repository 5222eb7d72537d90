package dev.machinemarkets.platform.views;

import dev.machinemarkets.platform.mongo.ViewWrites;
import dev.machinemarkets.schemas.events.EventEnvelope;

/**
 * Applies the events it knows to its views, idempotently and in offset order; it ignores the others.
 * Each view collection is written from one topic only, so offsets of one collection are comparable.
 * A projection only writes, never reads, so its writes may be collected and made in bulk.
 */
public interface ViewProjection {

    void apply(EventEnvelope event, long offset, ViewWrites views);
}
