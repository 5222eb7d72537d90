package dev.machinemarkets.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import dev.machinemarkets.platform.web.ServiceUnavailableException;
import dev.machinemarkets.platform.web.TraceFilter;
import dev.machinemarkets.schemas.Topic;

/**
 * Appends records to their topic and waits, for a bounded time, until Kafka has them durably.
 * Only then may a caller acknowledge the change to its client.
 */
public class EventPublisher<V> {

    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String EVENT_TYPE_HEADER = "event-type";
    private static final int RETRY_AFTER_SECONDS = 5;

    private final KafkaTemplate<String, V> template;
    private final Function<V, String> typeOf;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<String, V> template, Duration timeout, Function<V, String> typeOf) {
        this.template = template;
        this.typeOf = typeOf;
        this.timeout = timeout;
    }

    /** Publishes in order under one key (so on one partition) and returns where each event landed. */
    public List<PublishedEvent<V>> publish(Topic<String, V> topic, String key, List<V> events) {
        String traceparent = TraceFilter.current();
        List<CompletableFuture<SendResult<String, V>>> sends = new ArrayList<>(events.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (V event : events) {
                ProducerRecord<String, V> record = new ProducerRecord<>(topic.name(), key, event);
                record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
                record.headers().add(EVENT_TYPE_HEADER, typeOf.apply(event).getBytes(StandardCharsets.UTF_8));
                sends.add(template.send(record));
            }
            List<PublishedEvent<V>> published = new ArrayList<>(events.size());
            for (int i = 0; i < sends.size(); i++) {
                long remaining = Math.max(1, deadline - System.nanoTime());
                SendResult<String, V> result = sends.get(i).get(remaining, TimeUnit.NANOSECONDS);
                published.add(new PublishedEvent<>(events.get(i), result.getRecordMetadata().partition(),
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

    public PublishedEvent<V> publish(Topic<String, V> topic, String key, V event) {
        return publish(topic, key, List.of(event)).get(0);
    }

    private static ServiceUnavailableException unavailable(Exception cause) {
        return new ServiceUnavailableException(
                "the event log (Kafka) did not confirm the write in time; it may not have been applied, retry it",
                RETRY_AFTER_SECONDS, cause);
    }
}
