package dev.machinemarkets.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.MachineCreated;
import dev.machinemarkets.schemas.state.MachineState;

class AvroSerdeTest {

    private final AvroSerde<EventEnvelope> serde = Topics.EVENT_SERDE;

    @Test
    void roundTripsAnEnvelopeWithATypedPayload() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MachineState machine = MachineState.newBuilder()
                .setId("mach_1").setDisplayName("Robot").setStatus("active")
                .setIdentityRef("peaqos:machine:1").setCapabilities(List.of("gpu"))
                .setLabels(Map.of("site", "lab")).setCreatedAt(now).setUpdatedAt(now).build();
        EventEnvelope event = EventEnvelope.newBuilder()
                .setEventId("evt_1").setType("machine.created").setActor("api")
                .setResourceType("machine").setResourceId("mach_1").setMachineId("mach_1")
                .setCreatedAt(now).setPayload(new MachineCreated(machine)).build();

        byte[] bytes = serde.serializer().serialize(Topics.MACHINE_EVENTS.name(), event);
        EventEnvelope decoded = serde.deserializer().deserialize(Topics.MACHINE_EVENTS.name(), bytes);

        assertThat(bytes[0]).isEqualTo(AvroSerde.FORMAT_VERSION);
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.getPayload()).isInstanceOf(MachineCreated.class);
    }

    @Test
    void refusesBytesItDidNotWrite() {
        assertThatThrownBy(() -> serde.decode(new byte[] {9, 1, 2})).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.decode(new byte[0])).isInstanceOf(SerializationException.class);
    }
}
