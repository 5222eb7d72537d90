package dev.machinemarkets.platform.web;

import java.util.List;

/** A refusal the client can act on: its code, a sentence, and the fields at fault. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldIssue> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<FieldIssue> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " was not found");
    }

    public static ApiException invalid(String field, String issue) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, field + ": " + issue, List.of(new FieldIssue(field, issue)));
    }

    public static ApiException invalid(List<FieldIssue> issues) {
        String message = issues.size() == 1
                ? issues.get(0).field() + ": " + issues.get(0).issue()
                : "the request has " + issues.size() + " invalid fields";
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, issues);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldIssue> details() {
        return details;
    }
}
