package dev.machinemarkets.gateway.eventlog;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.platform.views.ViewProjections;
import dev.machinemarkets.schemas.events.EventEnvelope;

/** Keeps the views complete from the topic, whichever gateway instance wrote an event. */
@Component
class ViewsListener {

    private final ViewProjections projections;

    ViewsListener(ViewProjections projections) {
        this.projections = projections;
    }

    @KafkaListener(id = "gateway-views", groupId = "mmo-gateway-views",
            topics = "#{T(dev.machinemarkets.schemas.Topics).eventTopics().![name()]}",
            containerFactory = KafkaConfiguration.BATCH_LISTENER_FACTORY)
    void onEvents(List<ConsumerRecord<String, EventEnvelope>> records) {
        projections.applyAll(records.stream().map(record -> new ViewProjections.Positioned(record.value(), record.offset())).toList());
    }
}
