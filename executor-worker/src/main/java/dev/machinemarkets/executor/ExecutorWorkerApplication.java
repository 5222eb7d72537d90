package dev.machinemarkets.executor;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * EXECUTE: calls the runtime endpoint or records the external handoff, and writes the Outcome and the Run.
 * Its stage commands arrive with the task pipeline; until then it connects to Kafka and MongoDB and reports /health.
 */
@SpringBootApplication
public class ExecutorWorkerApplication {

    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "executor-worker",
            "server.port", 8083,
            "spring.web.resources.add-mappings", false);

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ExecutorWorkerApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
