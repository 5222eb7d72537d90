package dev.machinemarkets.discovery.stage;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.platform.stages.Stage;
import dev.machinemarkets.platform.stages.StageReplies;
import dev.machinemarkets.platform.stages.StageResult;
import dev.machinemarkets.schemas.stages.StageMessage;

/** Thin adapter: one discover command, one call to the stage, one reply (or, for a self-running task, the resolve command). */
@Component
class DiscoverCommandsListener {

    private final DiscoveryStage stage;
    private final StageReplies replies;

    DiscoverCommandsListener(DiscoveryStage stage, StageReplies replies) {
        this.stage = stage;
        this.replies = replies;
    }

    @KafkaListener(id = "discovery-commands", groupId = "mmo-discovery-worker",
            topics = "#{T(dev.machinemarkets.schemas.Topics).DISCOVER_COMMANDS.name()}",
            containerFactory = KafkaConfiguration.STAGE_LISTENER_FACTORY)
    void onCommand(StageMessage command) {
        StageResult result = stage.discover(command);
        replies.reply(command, result);
        if (StageReplies.selfRunning(command) && !result.failed()) {
            replies.continueWith(Stage.RESOLVE, command);
        }
    }
}
