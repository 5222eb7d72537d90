package dev.machinemarkets.benchmarks;

import java.time.Duration;

/** Brackets a measurement: wall time and the CPU of the stack process and of this process. */
final class CpuWindow {

    private static final Duration SLICE = Duration.ofMillis(200);

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
        return rateUntil(count, System.nanoTime());
    }

    /**
     * The rate over the time until the stack has finished the work, including what it does after it answered:
     * the embedded store writes its pages back in the background, and that is part of the cost of storing.
     * The work ends where the first slice of {@code SLICE} with the stack below {@code quietCores} begins.
     */
    Measurement rateIncludingWriteBehind(long count, double quietCores, Duration atMost) {
        if (!stack.measured()) {
            return rate(count).with("writeBehind", "not measured: the stack's process is out of sight");
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            long sliceStart = System.nanoTime();
            Duration before = stack.cpu();
            StackProcess.sleep(SLICE.toMillis());
            if (ProcessMeter.cores(before, stack.cpu(), System.nanoTime() - sliceStart) < quietCores || System.nanoTime() > deadline) {
                return rateUntil(count, sliceStart);
            }
        }
    }

    private Measurement rateUntil(long count, long endNanos) {
        long wall = endNanos - startNanos;
        return Measurement.of(count * 1e9 / wall, stack.measured() ? ProcessMeter.cores(stackStart, stack.cpu(), wall) : Double.NaN,
                ProcessMeter.cores(driverStart, driver.cpu(), wall));
    }
}
