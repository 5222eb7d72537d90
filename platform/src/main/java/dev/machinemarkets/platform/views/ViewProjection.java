package dev.machinemarkets.platform.views;

import dev.machinemarkets.schemas.events.EventEnvelope;

/**
 * Applies the events it knows to its views, idempotently and in offset order; it ignores the others.
 * Each view collection is written from one topic only, so offsets of one collection are comparable.
 */
public interface ViewProjection {

    void apply(EventEnvelope event, long offset);
}
