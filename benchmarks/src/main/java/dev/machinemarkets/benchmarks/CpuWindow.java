package dev.machinemarkets.benchmarks;

import java.time.Duration;

/** Brackets a measurement: wall time and the CPU of the stack process and of this process. */
final class CpuWindow {

    private final ProcessMeter stack;
    private final ProcessMeter driver = new ProcessMeter(ProcessHandle.current().pid());
    private final long startNanos = System.nanoTime();
    private final Duration stackStart;
    private final Duration driverStart;

    CpuWindow(ProcessMeter stack) {
        this.stack = stack;
        this.stackStart = stack.cpu();
        this.driverStart = driver.cpu();
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    Measurement rate(long count) {
        long wall = elapsedNanos();
        return Measurement.of(count * 1e9 / wall, ProcessMeter.cores(stackStart, stack.cpu(), wall),
                ProcessMeter.cores(driverStart, driver.cpu(), wall));
    }
}
