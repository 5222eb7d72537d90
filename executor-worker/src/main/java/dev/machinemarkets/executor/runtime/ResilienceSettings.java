package dev.machinemarkets.executor.runtime;

import java.time.Duration;

import org.springframework.core.env.Environment;

/** How hard the executor tries a runtime endpoint (README, "Configuration"). */
public record ResilienceSettings(
        Duration timeout,
        int maxAttempts,
        Duration firstBackoff,
        int breakerWindow,
        int breakerMinimumCalls,
        float breakerFailureRate,
        Duration breakerOpenFor,
        int breakerHalfOpenCalls,
        int bulkheadMaxConcurrent) {

    public static ResilienceSettings from(Environment env) {
        return new ResilienceSettings(
                Duration.ofMillis(env.getProperty("MMO_RUNTIME_TIMEOUT_MS", Long.class, 10_000L)),
                env.getProperty("MMO_RUNTIME_MAX_ATTEMPTS", Integer.class, 3),
                Duration.ofMillis(env.getProperty("MMO_RUNTIME_BACKOFF_MS", Long.class, 100L)),
                env.getProperty("MMO_BREAKER_WINDOW", Integer.class, 10),
                env.getProperty("MMO_BREAKER_MIN_CALLS", Integer.class, 5),
                env.getProperty("MMO_BREAKER_FAILURE_RATE", Float.class, 50f),
                Duration.ofMillis(env.getProperty("MMO_BREAKER_OPEN_MS", Long.class, 30_000L)),
                env.getProperty("MMO_BREAKER_HALF_OPEN_CALLS", Integer.class, 2),
                env.getProperty("MMO_BULKHEAD_MAX_CONCURRENT", Integer.class, 16));
    }
}
