package dev.machinemarkets.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.bson.json.JsonWriterSettings;

/**
 * Measures the orchestrator next to its physical ceilings, each figure against a baseline taken in the
 * same run on the same machine, so that the ratios hold on a noisy machine (README, "Performance"). The
 * options are in {@link BenchmarkOptions}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchmarkOptions settings;
        try {
            settings = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, List<Measurement>> results = new LinkedHashMap<>();
        Map<String, Object> memory = new LinkedHashMap<>();
        Map<String, Object> warmups = new LinkedHashMap<>();
        BenchmarkOptions.Target target = settings.target();
        try (Stack stack = target == null ? startEmbedded(settings) : target.stack()) {
            ProcessMeter meter = stack.meter();
            if (!meter.measured()) {
                System.out.println("The stack's process is out of sight (no --stack-pid): its CPU and memory are not measured, and"
                        + " A and M do not wait for the store's write-back.");
            }
            Api api = new Api(stack.gateway(), target == null ? null : target.apiKey());
            String database = target == null ? BenchmarkOptions.Target.DEFAULT_DATABASE : target.database();
            String runtimeHost = target == null ? Pipeline.LOOPBACK : target.runtimeHost();
            StackProcess.sleep(5000);
            memory.put("idleRssMib", meter.rssMib());

            if (settings.runs("K")) {
                KafkaCeiling.prepare(stack.kafka());
                KafkaCeiling.run(stack.kafka(), meter, 20_000, -1);
                for (int run = 0; run < settings.repeats(); run++) {
                    add(results, "K  Kafka ceiling (records/s)", KafkaCeiling.run(stack.kafka(), meter, settings.quick() ? 50_000 : 200_000, run));
                }
            }
            if (settings.runs("H")) {
                heartbeats(settings, api, stack, meter, results, warmups);
            }
            if (settings.runs("A")) {
                auditIngest(settings, stack, database, meter, results, warmups);
            }
            if (settings.runs("T")) {
                pipeline(settings, api, stack, runtimeHost, meter, results, memory);
            }
        }
        report(settings, results, memory, warmups);
        // the HTTP and Kafka clients leave threads behind that would keep the JVM alive
        System.exit(0);
    }

    /**
     * How long a warm-up may take at most. The heartbeat warm-up also runs for at least 3 minutes: a stack started
     * by hand and measured three times in a row reached its heartbeat rate only after about that much load.
     */
    private static Duration warmupAtMost(BenchmarkOptions settings) {
        return settings.quick() ? Duration.ofMinutes(1) : Duration.ofMinutes(5);
    }

    /** A measurement that may be interrupted, as a supplier for {@link Warmup}. */
    private static Measurement uncheckedly(java.util.concurrent.Callable<Measurement> measurement) {
        try {
            return measurement.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stack startEmbedded(BenchmarkOptions settings) throws java.io.IOException {
        Path dataDir = Files.createTempDirectory("mmo-benchmark-");
        System.out.println("Starting the embedded stack (" + settings.stackJar() + ") in " + dataDir);
        return new StackProcess(settings.stackJar(), dataDir, settings.stackJvmOptions(), settings.stackEnv());
    }

    /**
     * A against M. Both paths are warmed up first (the JIT took a third of the CPU of an unwarmed run), and each
     * measurement waits for the stack to go quiet, so that neither pays for the store writing back the other's pages.
     */
    private static void auditIngest(BenchmarkOptions settings, Stack stack, String database, ProcessMeter meter,
            Map<String, List<Measurement>> results, Map<String, Object> warmups) {
        int events = settings.quick() ? 5_000 : 50_000;
        int[] round = {0};
        warmups.put("A", Warmup.untilSteady("A", () -> {
            int run = -1 - round[0]++;
            meter.awaitQuiet(ProcessMeter.QUIET_CORES, ProcessMeter.QUIET_WAIT);
            // rounds as large as the measured runs: rounds of half the size ended the warm-up on noise after three
            Measurement sink = AuditIngest.sink(stack.kafka(), stack.mongo(), database, meter, events, run);
            AuditIngest.direct(stack.mongo(), database, meter, events, run, AuditIngest.typeOf(run));
            return sink;
        }, Duration.ZERO, warmupAtMost(settings)));
        for (int run = 0; run < settings.repeats(); run++) {
            meter.awaitQuiet(ProcessMeter.QUIET_CORES, ProcessMeter.QUIET_WAIT);
            add(results, "M  direct batched inserts (docs/s)", AuditIngest.direct(stack.mongo(), database, meter, events, run,
                    AuditIngest.typeOf(-1)));
            meter.awaitQuiet(ProcessMeter.QUIET_CORES, ProcessMeter.QUIET_WAIT);
            add(results, "A  audit sink ingest (events/s)", AuditIngest.sink(stack.kafka(), stack.mongo(), database, meter, events, run));
        }
    }

    private static void heartbeats(BenchmarkOptions settings, Api api, Stack stack, ProcessMeter meter, Map<String, List<Measurement>> results,
            Map<String, Object> warmups) throws Exception {
        Heartbeats heartbeats = new Heartbeats(api, stack.gateway(), settings.quick() ? 200 : 1000, 10);
        System.out.println("Warming up (not measured)...");
        heartbeats.noop(meter, 16, settings.seconds(10));
        warmups.put("H", Warmup.untilSteady("H", () -> uncheckedly(() -> heartbeats.heartbeats(meter, 16, settings.seconds(10))),
                settings.seconds(180), warmupAtMost(settings)));
        for (int run = 0; run < settings.repeats(); run++) {
            add(results, "W  no-op GET (requests/s)", heartbeats.noop(meter, 16, settings.seconds(8)));
            add(results, "H  heartbeats (requests/s)", heartbeats.heartbeats(meter, 16, settings.seconds(8)));
        }
    }

    private static void pipeline(BenchmarkOptions settings, Api api, Stack stack, String runtimeHost, ProcessMeter meter,
            Map<String, List<Measurement>> results,
            Map<String, Object> memory) throws Exception {
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicReference<Double> peak = new AtomicReference<>(0.0);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(meter.rssMib(), Math::max);
                StackProcess.sleep(250);
            }
        });
        sampler.start();
        try (Pipeline pipeline = new Pipeline(api, stack.kafka(), runtimeHost, 20)) {
            pipeline.step(meter, 10, settings.seconds(30), Duration.ofSeconds(5));
            for (int run = 0; run < settings.repeats(); run++) {
                Measurement saturation = saturate(pipeline, meter, settings);
                add(results, "T  self-running tasks (completed/s)", saturation);
                double half = Math.max(1, saturation.perSecond() / 2);
                add(results, "T/2 latency run (completed/s)", pipeline.step(meter, half, settings.seconds(12), Duration.ofSeconds(10)));
            }
        } finally {
            sampling.set(false);
            sampler.join();
        }
        memory.put("peakRssUnderPipelineLoadMib", peak.get());
        memory.put("afterRssMib", meter.rssMib());
    }

    /** Steps the arrival rate up until completions stop keeping up; T is the best rate that kept up. */
    private static Measurement saturate(Pipeline pipeline, ProcessMeter meter, BenchmarkOptions settings) throws InterruptedException {
        Measurement best = null;
        List<Object> steps = new ArrayList<>();
        for (double rate = 5; rate <= 2000; rate *= 1.5) {
            System.out.printf("    T step: offering %.1f tasks/s%n", rate);
            Measurement step = pipeline.step(meter, rate, settings.seconds(9), Duration.ofSeconds(5));
            System.out.printf("    T step: completed %.1f/s, p50 %.1f ms, p99 %.1f ms, kept up: %s%n", step.perSecond(),
                    step.details().get("p50Ms"), step.details().get("p99Ms"), step.details().get("keptUp"));
            steps.add(new Document(step.details()).append("completedPerSecond", step.perSecond())
                    .append("stackCores", step.stackCores()).append("benchmarkCores", step.driverCores()));
            if (!Boolean.TRUE.equals(step.details().get("keptUp"))) {
                break;
            }
            if (best == null || step.perSecond() > best.perSecond()) {
                best = step;
            }
        }
        Measurement result = best == null ? Measurement.of(0, 0, 0) : best;
        return new Measurement(result.perSecond(), result.stackCores(), result.driverCores(), new LinkedHashMap<>(result.details()))
                .with("steps", steps);
    }

    private static void add(Map<String, List<Measurement>> results, String figure, Measurement measurement) {
        results.computeIfAbsent(figure, k -> new ArrayList<>()).add(measurement);
        System.out.printf("  %-40s %12.1f/s  stack %.2f cores, benchmark %.2f cores  %s%n", figure, measurement.perSecond(),
                measurement.stackCores(), measurement.driverCores(), brief(measurement.details()));
    }

    private static String brief(Map<String, Object> details) {
        Map<String, Object> shown = new LinkedHashMap<>(details);
        shown.remove("steps");
        return shown.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double medianOf(Map<String, List<Measurement>> results, String prefix) {
        return results.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .map(e -> median(e.getValue().stream().map(Measurement::perSecond).toList())).orElse(Double.NaN);
    }

    private static double medianDetail(Map<String, List<Measurement>> results, String prefix, String key) {
        return results.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .map(e -> median(e.getValue().stream().map(m -> ((Number) m.details().get(key)).doubleValue()).toList())).orElse(Double.NaN);
    }

    private static void report(BenchmarkOptions settings, Map<String, List<Measurement>> results, Map<String, Object> memory,
            Map<String, Object> warmups) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n| figure | min | median | max | stack CPU (cores, median) | benchmark CPU (cores, median) |%n"));
        table.append("|---|---:|---:|---:|---:|---:|\n");
        Document figures = new Document();
        results.forEach((figure, runs) -> {
            List<Double> rates = runs.stream().map(Measurement::perSecond).sorted().toList();
            double stackCores = median(runs.stream().map(Measurement::stackCores).toList());
            double driverCores = median(runs.stream().map(Measurement::driverCores).toList());
            table.append(String.format("| %s | %.1f | %.1f | %.1f | %.2f | %.2f |%n", figure, rates.get(0), median(rates),
                    rates.get(rates.size() - 1), stackCores, driverCores));
            figures.append(figure, runs.stream().map(m -> new Document("perSecond", m.perSecond()).append("stackCores", m.stackCores())
                    .append("benchmarkCores", m.driverCores()).append("details", new Document(m.details()))).toList());
        });
        double k = medianOf(results, "K "), t = medianOf(results, "T "), h = medianOf(results, "H "), w = medianOf(results, "W ");
        double a = medianOf(results, "A "), m = medianOf(results, "M ");
        double p50 = medianDetail(results, "T/2", "p50Ms"), p99 = medianDetail(results, "T/2", "p99Ms");
        double peakRss = ((Number) memory.getOrDefault("peakRssUnderPipelineLoadMib", Double.NaN)).doubleValue();
        Document targets = new Document()
                .append("T >= K/10", verdict(t, k / 10)).append("p50 <= 25 ms at T/2", verdict(25, p50)).append("p99 <= 100 ms at T/2", verdict(100, p99))
                .append("H >= W/2", verdict(h, w / 2)).append("A >= M/2", verdict(a, m / 2)).append("RSS under load < 1536 MiB", verdict(1536, peakRss));
        table.append(String.format("%nT/K = %.4f (target >= 0.1), H/W = %.3f (>= 0.5), A/M = %.3f (>= 0.5), p50 %.1f ms and p99 %.1f ms at T/2"
                + " (<= 25 / <= 100), RSS idle %.0f MiB, peak under load %.0f MiB (< 1536)%n", t / k, h / w, a / m, p50, p99,
                ((Number) memory.get("idleRssMib")).doubleValue(), peakRss));
        targets.forEach((target, verdict) -> table.append(String.format("  %-28s %s%n", target, verdict)));
        System.out.println(table);

        Document machine = new Document("cores", Runtime.getRuntime().availableProcessors())
                .append("memoryMib", ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / (1024 * 1024))
                .append("java", System.getProperty("java.version")).append("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        Document json = new Document("at", Instant.now().toString()).append("machine", machine).append("repeats", settings.repeats())
                .append("stack", settings.target() == null ? new Document("embedded", settings.stackJar().toString())
                        .append("jvmOptions", settings.stackJvmOptions()).append("env", new Document(new LinkedHashMap<>(settings.stackEnv())))
                        : settings.target().describe())
                .append("quick", settings.quick()).append("figures", figures).append("memory", new Document(memory))
                .append("warmupRates", new Document(warmups)).append("targets", targets)
                .append("table", table.toString());
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(settings.out(), json.toJson(JsonWriterSettings.builder().indent(true).build()));
        System.out.println("Results written to " + settings.out());
    }

    private static String verdict(double achieved, double needed) {
        if (Double.isNaN(achieved) || Double.isNaN(needed)) {
            return "not measured in this run";
        }
        return (achieved >= needed ? "met" : "MISSED") + String.format(" (%.2f vs %.2f)", achieved, needed);
    }

}
