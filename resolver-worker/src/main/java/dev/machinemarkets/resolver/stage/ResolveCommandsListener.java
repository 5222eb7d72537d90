package dev.machinemarkets.resolver.stage;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.platform.stages.Stage;
import dev.machinemarkets.platform.stages.StageReplies;
import dev.machinemarkets.schemas.stages.StageMessage;

/** Thin adapter: one resolve command, one call to the stage, one reply (or, for a self-running task with a route, the execute command). */
@Component
class ResolveCommandsListener {

    private final ResolverStage stage;
    private final StageReplies replies;

    ResolveCommandsListener(ResolverStage stage, StageReplies replies) {
        this.stage = stage;
        this.replies = replies;
    }

    @KafkaListener(id = "resolve-commands", groupId = "mmo-resolver-worker",
            topics = "#{T(dev.machinemarkets.schemas.Topics).RESOLVE_COMMANDS.name()}",
            containerFactory = KafkaConfiguration.STAGE_LISTENER_FACTORY)
    void onCommand(StageMessage command) {
        ResolverStage.Resolved resolved = stage.resolve(command);
        replies.reply(command, resolved.result());
        if (StageReplies.selfRunning(command) && resolved.routeSelected()) {
            replies.continueWith(Stage.EXECUTE, command);
        }
    }
}
