package dev.machinemarkets.platform.web;

import org.springframework.http.HttpStatus;

/** Every error code the API answers with, and the HTTP status that goes with it (DESIGN.md). */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    AUTH_REQUIRED(HttpStatus.UNAUTHORIZED),
    AGENT_AUTH_REQUIRED(HttpStatus.UNAUTHORIZED),
    AGENT_AUTH_INVALID(HttpStatus.UNAUTHORIZED),
    MACHINE_NOT_ACTIVATED(HttpStatus.FORBIDDEN),
    AGENT_POLICY_DENIED(HttpStatus.FORBIDDEN),
    AGENT_PAIRING_INACTIVE(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    MACHINE_NOT_ACTIVE(HttpStatus.CONFLICT),
    MACHINE_IDENTITY_EXISTS(HttpStatus.CONFLICT),
    MACHINE_IDENTITY_IMMUTABLE(HttpStatus.CONFLICT),
    MACHINE_IDENTITY_PROOF_REQUIRED(HttpStatus.FORBIDDEN),
    TASK_STATE_CONFLICT(HttpStatus.CONFLICT),
    ROUTE_REQUIRED(HttpStatus.CONFLICT),
    STAGE_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT),
    RUNTIME_ERROR(HttpStatus.BAD_GATEWAY),
    RUNTIME_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    RUNTIME_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT),
    PEAQOS_IDENTITY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
