package dev.machinemarkets.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack, started exactly as the README starts it (java -jar local-stack.jar), as a child
 * process on free ports and a fresh data folder, so that its memory and CPU are measured apart from
 * the benchmark's own.
 */
final class StackProcess implements Stack {

    final int gatewayPort = freePort();
    final int kafkaPort = freePort();
    final int mongoPort = freePort();
    private final Process process;

    StackProcess(Path jar, Path dataDir, List<String> jvmOptions, Map<String, String> extraEnv) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -B -q install -DskipTests");
        }
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dataDir.resolve("stack.log").toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("MMO_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", Integer.toString(gatewayPort));
        env.put("MMO_WORKER_PORT_BASE", "0");
        env.put("KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
        env.put("MONGO_PORT", Integer.toString(mongoPort));
        env.put("MMO_PROBE_ENABLED", "false");
        env.putAll(extraEnv);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
    }

    @Override
    public String gateway() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    @Override
    public String kafka() {
        return "127.0.0.1:" + kafkaPort;
    }

    @Override
    public String mongo() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    @Override
    public ProcessMeter meter() {
        return new ProcessMeter(process.pid());
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stack exited with " + process.exitValue() + "; see stack.log in its data folder");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(gateway() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("the stack did not become healthy in 3 minutes");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
