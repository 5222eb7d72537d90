package dev.machinemarkets.platform.web;

/** Kafka or MongoDB could not be reached in time; the client may retry after {@link #retryAfterSeconds()}. */
public class ServiceUnavailableException extends ApiException {

    private final int retryAfterSeconds;

    public ServiceUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message);
        this.retryAfterSeconds = retryAfterSeconds;
        initCause(cause);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
