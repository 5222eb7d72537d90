package dev.machinemarkets.executor.stage;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.platform.stages.StageReplies;
import dev.machinemarkets.schemas.stages.StageMessage;

/** Thin adapter: one execute command, one call to the stage, one reply. */
@Component
class ExecuteCommandsListener {

    private final ExecutorStage stage;
    private final StageReplies replies;

    ExecuteCommandsListener(ExecutorStage stage, StageReplies replies) {
        this.stage = stage;
        this.replies = replies;
    }

    @KafkaListener(id = "execute-commands", groupId = "mmo-executor-worker", concurrency = "${MMO_EXECUTOR_CONCURRENCY:4}",
            topics = "#{T(dev.machinemarkets.schemas.Topics).EXECUTE_COMMANDS.name()}",
            containerFactory = KafkaConfiguration.STAGE_LISTENER_FACTORY)
    void onCommand(StageMessage command) {
        replies.reply(command, stage.execute(command));
    }
}
