package dev.machinemarkets.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** One run of one figure: its rate, and the CPU the stack and the benchmark itself used meanwhile. */
record Measurement(double perSecond, double stackCores, double driverCores, Map<String, Object> details) {

    static Measurement of(double perSecond, double stackCores, double driverCores) {
        return new Measurement(perSecond, stackCores, driverCores, new LinkedHashMap<>());
    }

    Measurement with(String key, Object value) {
        details.put(key, value);
        return this;
    }
}
