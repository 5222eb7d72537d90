package dev.machinemarkets.platform.events;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;

import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.schemas.events.EventEnvelope;

/** Builds event envelopes with a fresh, time-ordered id. */
public final class Events {

    public static final String ACTOR_API = "api";
    public static final String ACTOR_SYSTEM = "system:machine-markets";

    private Events() {
    }

    public static EventEnvelope envelope(String type, String actor, String resourceType, String resourceId,
            String machineId, Instant at, SpecificRecord payload) {
        return EventEnvelope.newBuilder()
                .setEventId(Ids.newId("evt", at))
                .setType(type)
                .setActor(actor)
                .setResourceType(resourceType)
                .setResourceId(resourceId)
                .setMachineId(machineId)
                .setCreatedAt(at)
                .setPayload(payload)
                .build();
    }
}
