package dev.machinemarkets.platform.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {"error": {"code", "message", "details": [{"field", "issue"}]}} */
public record ErrorBody(Error error) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(String code, String message, List<FieldIssue> details) {
    }

    public static ErrorBody of(ErrorCode code, String message, List<FieldIssue> details) {
        return new ErrorBody(new Error(code.name(), message, details));
    }
}
