package dev.machinemarkets.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** CPU time and resident memory of a process, read from the OS. */
final class ProcessMeter {

    private final long pid;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    Duration cpu() {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** Resident set size in MiB (VmRSS of /proc/PID/status). */
    double rssMib() {
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

    /** Cores' worth of CPU a process used between two readings. */
    static double cores(Duration cpuBefore, Duration cpuAfter, long wallNanos) {
        return wallNanos <= 0 ? 0 : (double) (cpuAfter.toNanos() - cpuBefore.toNanos()) / wallNanos;
    }
}
