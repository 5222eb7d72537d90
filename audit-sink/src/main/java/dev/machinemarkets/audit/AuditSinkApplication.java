package dev.machinemarkets.audit;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Stores every event of every event topic in the audit log, exactly once by event id. */
@SpringBootApplication
public class AuditSinkApplication {

    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "audit-sink",
            "server.port", 8084,
            "spring.web.resources.add-mappings", false);

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AuditSinkApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
