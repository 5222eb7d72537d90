package dev.machinemarkets.audit;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.schemas.events.EventEnvelope;

/** Thin adapter: one polled batch of events, one bulk insert; offsets are committed only after it. */
@Component
class AuditEventsListener {

    private final AuditLog auditLog;

    AuditEventsListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @KafkaListener(id = "audit-sink", groupId = "mmo-audit-sink",
            topics = "#{T(dev.machinemarkets.schemas.Topics).eventTopics().![name()]}",
            containerFactory = KafkaConfiguration.BATCH_LISTENER_FACTORY)
    void onEvents(List<ConsumerRecord<String, EventEnvelope>> records) {
        auditLog.store(records);
    }
}
