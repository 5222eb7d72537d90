package dev.machinemarkets.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import dev.machinemarkets.platform.web.ServiceUnavailableException;
import dev.machinemarkets.platform.web.TraceFilter;
import dev.machinemarkets.schemas.Topic;
import dev.machinemarkets.schemas.events.EventEnvelope;

/**
 * Appends events to their topic and waits, for a bounded time, until Kafka has them durably.
 * Only then may a caller acknowledge the change to its client.
 */
public class EventPublisher {

    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String EVENT_TYPE_HEADER = "event-type";
    private static final int RETRY_AFTER_SECONDS = 5;

    private final KafkaTemplate<String, EventEnvelope> template;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<String, EventEnvelope> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /** Publishes in order under one key (so on one partition) and returns where each event landed. */
    public List<PublishedEvent> publish(Topic<String, EventEnvelope> topic, String key, List<EventEnvelope> events) {
        String traceparent = TraceFilter.current();
        List<CompletableFuture<SendResult<String, EventEnvelope>>> sends = new ArrayList<>(events.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (EventEnvelope event : events) {
                ProducerRecord<String, EventEnvelope> record = new ProducerRecord<>(topic.name(), key, event);
                record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
                record.headers().add(EVENT_TYPE_HEADER, event.getType().getBytes(StandardCharsets.UTF_8));
                sends.add(template.send(record));
            }
            List<PublishedEvent> published = new ArrayList<>(events.size());
            for (int i = 0; i < sends.size(); i++) {
                long remaining = Math.max(1, deadline - System.nanoTime());
                SendResult<String, EventEnvelope> result = sends.get(i).get(remaining, TimeUnit.NANOSECONDS);
                published.add(new PublishedEvent(events.get(i), result.getRecordMetadata().partition(),
                        result.getRecordMetadata().offset()));
            }
            return published;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    public PublishedEvent publish(Topic<String, EventEnvelope> topic, String key, EventEnvelope event) {
        return publish(topic, key, List.of(event)).get(0);
    }

    private static ServiceUnavailableException unavailable(Exception cause) {
        return new ServiceUnavailableException(
                "the event log (Kafka) did not confirm the write in time; it may not have been applied, retry it",
                RETRY_AFTER_SECONDS, cause);
    }
}
