package dev.machinemarkets.gateway.stages;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.TopicPartition;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.kafka.EventPublisher;
import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.platform.stages.Stage;
import dev.machinemarkets.platform.stages.StageMessages;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ErrorCode;
import dev.machinemarkets.schemas.stages.StageMessage;

/**
 * Request-reply over Kafka: sends a command to a stage and waits, for a bounded time, for the reply
 * with its correlation id. Every gateway instance reads the whole replies topic in a consumer group of
 * its own, from the end, and completes only the calls it is waiting for.
 */
@Component
public class StageClient implements ConsumerSeekAware {

    private final EventPublisher<StageMessage> publisher;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, CompletableFuture<StageMessage>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch listening = new CountDownLatch(1);

    public StageClient(EventPublisher<StageMessage> publisher, Clock clock, Environment environment) {
        this.publisher = publisher;
        this.clock = clock;
        this.timeout = Duration.ofMillis(environment.getProperty("MMO_STAGE_TIMEOUT_MS", Long.class, 15_000L));
    }

    /** The stage's reply; a 504 STAGE_TIMEOUT when none came in time. */
    public StageMessage call(Stage stage, String taskId, String machineId, String optionsJson) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitListening(deadline, stage);
        StageMessage command = StageMessages.command(stage, taskId, machineId, optionsJson, true, clock.instant());
        CompletableFuture<StageMessage> reply = new CompletableFuture<>();
        waiting.put(command.getCorrelationId(), reply);
        try {
            publisher.publish(stage.commands(), taskId, command);
            return reply.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut(stage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(stage);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(command.getCorrelationId());
        }
    }

    /** Sends a command that nobody waits for (the next step of a self-running task). */
    public void send(Stage stage, String taskId, String machineId, String optionsJson) {
        publisher.publish(stage.commands(), taskId, StageMessages.command(stage, taskId, machineId, optionsJson, false, clock.instant()));
    }

    @KafkaListener(id = "gateway-stage-replies", groupId = "mmo-gateway-replies-#{T(java.util.UUID).randomUUID()}",
            topics = "#{T(dev.machinemarkets.schemas.Topics).STAGE_REPLIES.name()}",
            containerFactory = KafkaConfiguration.STAGE_LISTENER_FACTORY)
    void onReply(StageMessage reply) {
        CompletableFuture<StageMessage> call = waiting.get(reply.getCorrelationId());
        if (call != null) {
            call.complete(reply);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToEnd(assignments.keySet());
        listening.countDown();
    }

    private void awaitListening(long deadline, Stage stage) {
        try {
            if (!listening.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timedOut(stage);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(stage);
        }
    }

    private ApiException timedOut(Stage stage) {
        return new ApiException(ErrorCode.STAGE_TIMEOUT, "the " + stage.wire() + " stage did not answer within "
                + timeout.toSeconds() + " s; the task may still change, read it again to see");
    }
}
