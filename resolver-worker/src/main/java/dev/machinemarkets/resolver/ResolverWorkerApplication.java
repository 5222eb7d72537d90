package dev.machinemarkets.resolver;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * RESOLVE: applies the machine's policies, picks a route and a fallback chain.
 * Its stage commands arrive with the task pipeline; until then it connects to Kafka and MongoDB and reports /health.
 */
@SpringBootApplication
public class ResolverWorkerApplication {

    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "resolver-worker",
            "server.port", 8082,
            "spring.web.resources.add-mappings", false);

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ResolverWorkerApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
