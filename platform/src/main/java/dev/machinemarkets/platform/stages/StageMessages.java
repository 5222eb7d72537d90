package dev.machinemarkets.platform.stages;

import java.time.Instant;

import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.schemas.stages.StageMessage;

/** Builds stage commands and their replies. */
public final class StageMessages {

    public static final String COMMAND = "command";
    public static final String REPLY = "reply";

    private StageMessages() {
    }

    public static StageMessage command(Stage stage, String taskId, String machineId, String optionsJson, boolean replyWanted, Instant at) {
        String id = Ids.newId("cmd", at);
        return StageMessage.newBuilder()
                .setMessageId(id)
                .setKind(COMMAND)
                .setStage(stage.wire())
                .setCorrelationId(id)
                .setTaskId(taskId)
                .setMachineId(machineId)
                .setReplyWanted(replyWanted)
                .setBody(optionsJson)
                .setCreatedAt(at)
                .build();
    }

    public static StageMessage reply(StageMessage command, StageResult result, Instant at) {
        return StageMessage.newBuilder()
                .setMessageId(Ids.newId("rpl", at))
                .setKind(REPLY)
                .setStage(command.getStage())
                .setCorrelationId(command.getCorrelationId())
                .setTaskId(command.getTaskId())
                .setMachineId(command.getMachineId())
                .setReplyWanted(false)
                .setHttpStatus(result.httpStatus())
                .setErrorCode(result.errorCode())
                .setErrorMessage(result.errorMessage())
                .setBody(result.body())
                .setCreatedAt(at)
                .build();
    }
}
