package dev.machinemarkets.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.config.PlatformSettings;
import jakarta.annotation.PreDestroy;

/** GET /health at the host root, never behind the API key: is this service up, and can it reach Kafka and MongoDB. */
@RestController
public class HealthController {

    private static final int CHECK_TIMEOUT_MS = 2000;

    private final PlatformSettings settings;
    private final MongoDatabase database;
    private final Admin admin;

    public HealthController(PlatformSettings settings, MongoDatabase database, KafkaAdmin kafkaAdmin) {
        this.settings = settings;
        this.database = database;
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @GetMapping("/health")
    public ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("kafka", check(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(CHECK_TIMEOUT_MS))
                .nodes().get(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)));
        checks.put("mongodb", check(() -> database.runCommand(new Document("ping", 1))));
        boolean up = checks.values().stream().allMatch("up"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "ok" : "degraded");
        body.put("service", settings.serviceName());
        body.put("checks", checks);
        return ResponseEntity.status(up ? 200 : 503).body(body);
    }

    /** Liveness only: the process answers HTTP. No dependency is asked (for orchestrators and as the no-op baseline of the benchmarks). */
    @GetMapping("/health/live")
    public Map<String, Object> live() {
        return Map.of("status", "ok", "service", settings.serviceName());
    }

    private static String check(Probe probe) {
        try {
            probe.run();
            return "up";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "down";
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }

    @FunctionalInterface
    private interface Probe {
        void run() throws Exception;
    }
}
