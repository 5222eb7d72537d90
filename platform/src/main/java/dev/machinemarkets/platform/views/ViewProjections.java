package dev.machinemarkets.platform.views;

import java.util.List;

import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.schemas.events.EventEnvelope;

/** Every view projection of the gateway, applied in turn. */
public class ViewProjections {

    /** An event and the offset it has on its topic's partition. */
    public record Positioned(EventEnvelope event, long offset) {
    }

    private final ViewStore store;
    private final List<ViewProjection> projections;

    public ViewProjections(ViewStore store, List<ViewProjection> projections) {
        this.store = store;
        this.projections = List.copyOf(projections);
    }

    /** One event, written at once (the write path of a request). */
    public void apply(EventEnvelope event, long offset) {
        for (ViewProjection projection : projections) {
            projection.apply(event, offset, store);
        }
    }

    /** Many events, their writes made in bulk: one read and one write per collection rather than per event. */
    public void applyAll(List<Positioned> events) {
        ViewStore.Batch batch = store.batch();
        for (Positioned positioned : events) {
            for (ViewProjection projection : projections) {
                projection.apply(positioned.event(), positioned.offset(), batch);
            }
        }
        batch.flush();
    }
}
