package dev.machinemarkets.platform.stages;

import java.time.Clock;

import dev.machinemarkets.platform.kafka.EventPublisher;
import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.stages.StageMessage;

/**
 * Sends a stage's answer to whoever waits for it; nobody waits for a self-running task, whose next
 * stage is asked directly instead.
 */
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

    /** A self-running task's next step: a command nobody waits for. */
    public void continueWith(Stage next, StageMessage previous) {
        publisher.publish(next.commands(), previous.getTaskId(),
                StageMessages.command(next, previous.getTaskId(), previous.getMachineId(), "{}", false, clock.instant()));
    }

    /** Whether this command belongs to a self-running task (a command nobody waits for). */
    public static boolean selfRunning(StageMessage command) {
        return !command.getReplyWanted();
    }
}
