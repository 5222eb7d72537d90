package dev.machinemarkets.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a load, unmeasured, until the stack stops getting faster at it: the JIT of a fresh stack compiles for
 * minutes under a new load (a fixed 30 s warm-up left heartbeats at half the rate of a warm stack), and the
 * rate creeps up by a few per cent a round for most of that time.
 */
final class Warmup {

    /** A round counts as faster only when it beats every earlier round by more than this. */
    private static final double GAIN = 1.02;
    private static final int MIN_ROUNDS = 3;
    /** Rounds in a row that were not faster before the stack counts as warm. */
    private static final int FLAT_ROUNDS = 3;

    private Warmup() {
    }

    /**
     * Repeats the round for at least atLeast and then until it stops getting faster, or for at most atMost;
     * returns the rates of the rounds.
     */
    static List<Double> untilSteady(String what, Supplier<Measurement> round, Duration atLeast, Duration atMost) {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        List<Double> rates = new ArrayList<>();
        double best = 0;
        int flat = 0;
        while (System.nanoTime() < deadline) {
            double rate = round.get().perSecond();
            rates.add(rate);
            flat = rate > best * GAIN ? 0 : flat + 1;
            best = Math.max(best, rate);
            System.out.printf("    warm-up %s: %.1f/s%n", what, rate);
            if (rates.size() >= MIN_ROUNDS && flat >= FLAT_ROUNDS && System.nanoTime() - start >= atLeast.toNanos()) {
                break;
            }
        }
        return rates;
    }
}
