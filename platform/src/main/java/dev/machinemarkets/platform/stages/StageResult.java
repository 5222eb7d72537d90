package dev.machinemarkets.platform.stages;

/**
 * What a stage answers: the HTTP status the gateway passes on, the response body as JSON, and an
 * error code and message when the stage refused or failed.
 */
public record StageResult(int httpStatus, String body, String errorCode, String errorMessage) {

    public static StageResult ok(int httpStatus, String body) {
        return new StageResult(httpStatus, body, null, null);
    }

    public static StageResult error(int httpStatus, String errorCode, String errorMessage) {
        return new StageResult(httpStatus, "{}", errorCode, errorMessage);
    }

    public boolean failed() {
        return errorCode != null;
    }
}
