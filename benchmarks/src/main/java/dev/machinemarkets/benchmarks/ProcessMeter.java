package dev.machinemarkets.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** CPU time and resident memory of a process, read from the OS; or nothing, for a stack out of the benchmark's sight. */
final class ProcessMeter {

    /** Below this the stack counts as idle: what runs then is its housekeeping, not work a measurement left behind. */
    static final double QUIET_CORES = 0.3;
    static final Duration QUIET_WAIT = Duration.ofSeconds(60);
    private static final long NO_PROCESS = -1;
    /** Without the stack's CPU to watch, how long to leave it before the next measurement. */
    private static final Duration UNWATCHED_PAUSE = Duration.ofSeconds(5);

    private final long pid;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    static ProcessMeter none() {
        return new ProcessMeter(NO_PROCESS);
    }

    boolean measured() {
        return pid != NO_PROCESS;
    }

    Duration cpu() {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** Resident set size in MiB (VmRSS of /proc/PID/status); NaN when there is no process to read. */
    double rssMib() {
        if (!measured()) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * Waits until the process uses less than {@code cores} of CPU over half a second, or {@code atMost} has passed:
     * work a measurement left behind (the store writing its pages back, say) must not be billed to the next one.
     */
    void awaitQuiet(double cores, Duration atMost) {
        if (!measured()) {
            StackProcess.sleep(UNWATCHED_PAUSE.toMillis());
            return;
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Duration before = cpu();
            long start = System.nanoTime();
            StackProcess.sleep(500);
            if (cores(before, cpu(), System.nanoTime() - start) < cores) {
                return;
            }
        }
    }

    /** Cores' worth of CPU a process used between two readings. */
    static double cores(Duration cpuBefore, Duration cpuAfter, long wallNanos) {
        return wallNanos <= 0 ? 0 : (double) (cpuAfter.toNanos() - cpuBefore.toNanos()) / wallNanos;
    }
}
