package dev.machinemarkets.platform.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import dev.machinemarkets.platform.health.HealthController;
import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.platform.mongo.MongoConfiguration;
import dev.machinemarkets.platform.web.ApiErrorHandler;
import dev.machinemarkets.platform.web.TraceFilter;

/** What every service of the orchestrator gets: Kafka, MongoDB, errors, tracing and /health. */
@AutoConfiguration
@Import({KafkaConfiguration.class, MongoConfiguration.class, ApiErrorHandler.class, HealthController.class})
public class PlatformAutoConfiguration {

    @Bean
    PlatformSettings platformSettings(Environment environment) {
        return PlatformSettings.from(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TraceFilter traceFilter() {
        return new TraceFilter();
    }
}
