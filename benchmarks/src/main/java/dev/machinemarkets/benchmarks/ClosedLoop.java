package dev.machinemarkets.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** A fixed number of clients, each sending its next request as soon as the last one is answered. */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Runs for the given time and returns the requests answered with a 2xx, per second. */
    static Measurement run(ProcessMeter stack, int clients, Duration duration, IntFunction<HttpRequest> nextRequest) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        CpuWindow window = new CpuWindow(stack);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                int i = client;
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<Void> response = http.send(nextRequest.apply(i), HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() < 300 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    i += clients;
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return window.rate(ok.get()).with("clients", clients).with("failed", failed.get());
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    static HttpRequest postJson(String url, String json, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
