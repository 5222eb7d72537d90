package dev.machinemarkets.benchmarks;

/** The stack under measurement: the embedded one this benchmark starts, or a deployment that already runs. */
interface Stack extends AutoCloseable {

    String gateway();

    String kafka();

    String mongo();

    /** The CPU and memory of the stack's process, where the benchmark can see it. */
    ProcessMeter meter();

    @Override
    void close();

    /**
     * A stack the benchmark did not start (the Docker Compose deployment, say). Its CPU and memory are measured
     * only when it is one local process whose id is given.
     */
    record Running(String gateway, String kafka, String mongo, ProcessMeter meter) implements Stack {

        @Override
        public void close() {
            // not ours to stop
        }
    }
}
