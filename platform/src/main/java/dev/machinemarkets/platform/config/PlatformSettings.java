package dev.machinemarkets.platform.config;

import java.time.Duration;

import org.springframework.core.env.Environment;

/**
 * Connection settings every service reads from its environment (see README, "Configuration").
 * Plain variable names, so that a container, the local stack and a test all set them the same way.
 */
public record PlatformSettings(
        String serviceName,
        String kafkaBootstrapServers,
        int topicPartitions,
        short topicReplicationFactor,
        String mongoUri,
        String mongoDatabase,
        Duration writeTimeout) {

    public static PlatformSettings from(Environment env) {
        return new PlatformSettings(
                env.getProperty("spring.application.name", "service"),
                env.getProperty("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                env.getProperty("KAFKA_TOPIC_PARTITIONS", Integer.class, 6),
                env.getProperty("KAFKA_REPLICATION_FACTOR", Short.class, (short) 1),
                env.getProperty("MONGODB_URI", "mongodb://localhost:27017"),
                env.getProperty("MONGODB_DATABASE", "machine_markets"),
                Duration.ofMillis(env.getProperty("MMO_WRITE_TIMEOUT_MS", Long.class, 10_000L)));
    }
}
