package dev.machinemarkets.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import com.sun.net.httpserver.HttpServer;

import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.OutcomeRecorded;

/**
 * T: self-running tasks completed per second, created at a constant arrival rate (open loop) on several
 * machines whose qvac runtime answers at once. A task's latency runs from the moment it was due to be
 * sent, not from when it was sent, so a slow gateway cannot hide its queue (no coordinated omission);
 * it ends when the task's outcome.recorded event is on the topic.
 */
final class Pipeline implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";
    private static final String COMPLETION = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"}}]}";

    private final Api api;
    private final HttpServer runtime;
    private final List<String> machines = new ArrayList<>();
    private final Map<String, Long> completedAt = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final Thread listener;
    private final java.util.concurrent.CountDownLatch listenerReady = new java.util.concurrent.CountDownLatch(1);

    /**
     * runtimeHost: the address at which the stack's executor reaches this process's runtime stand-in; on any
     * address but the loopback the stand-in listens on every interface.
     */
    Pipeline(Api api, String bootstrap, String runtimeHost, int machineCount) {
        this.api = api;
        // The JDK's HttpServer leaves Nagle's algorithm on: its response body then waits for the client's delayed
        // ACK of the headers, some 40 ms on loopback, which made the stand-in anything but instant. It reads this
        // property once, when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            runtime = HttpServer.create(LOOPBACK.equals(runtimeHost) ? new InetSocketAddress(LOOPBACK, 0) : new InetSocketAddress(0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runtime.setExecutor(Executors.newFixedThreadPool(4));
        runtime.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        runtime.start();
        String url = "http://" + runtimeHost + ":" + runtime.getAddress().getPort();
        for (int i = 0; i < machineCount; i++) {
            String machineId = api.createMachine("pipeline machine " + i);
            api.send("PUT", "/api/v1/machines/" + machineId + "/runtime-endpoints/qvac", new Document("endpointBaseUrl", url));
            machines.add(machineId);
        }
        listener = new Thread(() -> listen(bootstrap), "pipeline-completions");
        listener.start();
        try {
            if (!listenerReady.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the completions listener did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void listen(String bootstrap) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                Topics.EVENT_SERDE.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MACHINE_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: resolve the positions now, or outcomes written before the first poll are skipped
            partitions.forEach(consumer::position);
            listenerReady.countDown();
            while (listening.get()) {
                for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value().getPayload() instanceof OutcomeRecorded outcome) {
                        completedAt.putIfAbsent(outcome.getOutcome().getTaskId(), System.nanoTime());
                    }
                }
            }
        }
    }

    /**
     * One step at a constant rate; the measurement's rate is completions per second. A step starts only once
     * every task of the steps before it has completed and the stack has gone quiet, so that no step inherits
     * another's queue or its write-back. It kept up
     * when nearly every task completed and completions came at 90% of the offered rate or better.
     */
    Measurement step(ProcessMeter stack, double rate, Duration duration, Duration drain) throws InterruptedException {
        awaitIdle(Duration.ofSeconds(120));
        // the store writes back what the last step stored after the tasks completed; that is not this step's load
        stack.awaitQuiet(ProcessMeter.QUIET_CORES, ProcessMeter.QUIET_WAIT);
        int count = Math.max(1, (int) Math.round(rate * duration.toMillis() / 1000.0));
        long period = (long) (1e9 / rate);
        Map<String, Long> dueAt = new ConcurrentHashMap<>();
        AtomicLong failedCreates = new AtomicLong();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        CpuWindow window = new CpuWindow(stack);
        long start = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            String machineId = machines.get(i % machines.size());
            Document task = new Document("serviceType", "compute.marketplace").append("taskType", "bench").append("operation", "run-private-inference")
                    .append("input", new Document("prompt", "ping")).append("autoRun", true);
            sender.schedule(() -> api.sendAsync("POST", "/api/v1/machines/" + machineId + "/tasks", task).whenComplete((reply, error) -> {
                if (error == null && reply.status() == 201) {
                    String taskId = reply.body().get("item", Document.class).getString("id");
                    created.add(taskId);
                    dueAt.put(taskId, due);
                } else {
                    failedCreates.incrementAndGet();
                }
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        sender.shutdown();
        sender.awaitTermination(duration.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        long deadline = start + duration.toNanos() + drain.toNanos();
        while (System.nanoTime() < deadline && (dueAt.size() + failedCreates.get() < count || !allDone(dueAt))) {
            Thread.sleep(50);
        }
        Histogram latency = new Histogram(3_600_000_000L, 3);
        long completed = 0;
        long last = start;
        for (Map.Entry<String, Long> task : dueAt.entrySet()) {
            Long done = completedAt.get(task.getKey());
            if (done != null) {
                completed++;
                last = Math.max(last, done);
                latency.recordValue(Math.max(0, (done - task.getValue()) / 1000));
            }
        }
        long wall = Math.max(last - start, duration.toNanos());
        Measurement measurement = window.rate(0);
        double achieved = completed * 1e9 / wall;
        boolean keptUp = completed >= 0.95 * count && failedCreates.get() == 0 && achieved >= 0.9 * rate;
        return new Measurement(achieved, measurement.stackCores(), measurement.driverCores(), measurement.details())
                .with("offeredPerSecond", rate).with("sent", count).with("completed", completed).with("failedCreates", failedCreates.get())
                .with("keptUp", keptUp)
                .with("p50Ms", latency.getValueAtPercentile(50) / 1000.0).with("p99Ms", latency.getValueAtPercentile(99) / 1000.0);
    }

    /** Waits until every task created so far has completed, or no task has completed for a while, or the timeout passed. */
    private void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = completedAt.size();
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline && !created.stream().allMatch(completedAt::containsKey)
                && System.nanoTime() - lastProgress < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(100);
            if (completedAt.size() > seen) {
                seen = completedAt.size();
                lastProgress = System.nanoTime();
            }
        }
    }

    private boolean allDone(Map<String, Long> dueAt) {
        return dueAt.keySet().stream().allMatch(completedAt::containsKey);
    }

    @Override
    public void close() throws InterruptedException {
        listening.set(false);
        listener.join();
        runtime.stop(0);
    }
}
