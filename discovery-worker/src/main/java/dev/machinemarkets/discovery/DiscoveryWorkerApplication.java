package dev.machinemarkets.discovery;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * DISCOVER: builds scored candidates for a task from the catalogue, the machine's context and its live runtime endpoints.
 * Its stage commands arrive with the task pipeline; until then it connects to Kafka and MongoDB and reports /health.
 */
@SpringBootApplication
public class DiscoveryWorkerApplication {

    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "discovery-worker",
            "server.port", 8081,
            "spring.web.resources.add-mappings", false);

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(DiscoveryWorkerApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
