package dev.machinemarkets.gateway;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The REST API under /api/v1: validates, turns each write into events on Kafka, answers from MongoDB views. */
@SpringBootApplication
public class GatewayApplication {

    /** Defaults only; the environment (SERVER_PORT, KAFKA_BOOTSTRAP_SERVERS, ...) overrides them. */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "gateway",
            "server.port", 8080,
            "spring.web.resources.add-mappings", false,
            "spring.jackson.deserialization.fail-on-unknown-properties", true,
            "spring.mvc.problemdetails.enabled", false,
            "server.error.whitelabel.enabled", false);

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
