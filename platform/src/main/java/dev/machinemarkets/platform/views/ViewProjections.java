package dev.machinemarkets.platform.views;

import java.util.List;

import dev.machinemarkets.schemas.events.EventEnvelope;

/** Every view projection of the gateway, applied in turn. */
public class ViewProjections {

    private final List<ViewProjection> projections;

    public ViewProjections(List<ViewProjection> projections) {
        this.projections = List.copyOf(projections);
    }

    public void apply(EventEnvelope event, long offset) {
        for (ViewProjection projection : projections) {
            projection.apply(event, offset);
        }
    }
}
