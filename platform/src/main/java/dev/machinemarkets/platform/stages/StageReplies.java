package dev.machinemarkets.platform.stages;

import java.time.Clock;

import dev.machinemarkets.platform.kafka.EventPublisher;
import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.stages.StageMessage;

/** Sends a stage's answer to whoever waits for it; nobody waits for a self-running task. */
public class StageReplies {

    private final EventPublisher<StageMessage> publisher;
    private final Clock clock;

    public StageReplies(EventPublisher<StageMessage> publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public void reply(StageMessage command, StageResult result) {
        if (command.getReplyWanted()) {
            publisher.publish(Topics.STAGE_REPLIES, command.getCorrelationId(), StageMessages.reply(command, result, clock.instant()));
        }
    }
}
