package dev.machinemarkets.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One embedded stack (real KRaft broker, Mongo-wire store on H2, every service) shared by the API
 * tests of this JVM, started on first use on free ports and stopped when the JVM ends.
 */
final class TestStack {

    static final MutableClock CLOCK = new MutableClock();

    /**
     * Short time-outs and a quick breaker, so that failure paths run in seconds; no endpoint prober, so
     * that endpoints the tests point at nothing keep the status the tests gave them (ProberTest covers it).
     */
    static final Map<String, Object> FAST_RUNTIME_LIMITS = Map.of(
            "MMO_PROBE_ENABLED", "false",
            "MMO_RUNTIME_TIMEOUT_MS", 1000,
            "MMO_RUNTIME_BACKOFF_MS", 20,
            "MMO_BREAKER_WINDOW", 4,
            "MMO_BREAKER_MIN_CALLS", 3,
            "MMO_BREAKER_OPEN_MS", 1500);
    private static LocalStack shared;

    private TestStack() {
    }

    static synchronized LocalStack shared() {
        if (shared == null) {
            shared = LocalStack.start(LocalStack.Options.forTests(tempDir("mmo-shared-"), FAST_RUNTIME_LIMITS, CLOCK));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-stack-shutdown"));
        }
        return shared;
    }

    static Api api() {
        return new Api(shared().gatewayUrl());
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
