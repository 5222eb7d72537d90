package dev.machinemarkets.executor.probing;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.secrets.SecretBox;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/** Probes runtime endpoints every MMO_PROBE_INTERVAL_MS (default 30 s); MMO_PROBE_ENABLED=false turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "MMO_PROBE_ENABLED", havingValue = "true", matchIfMissing = true)
class ProbingConfiguration {

    @Bean
    EndpointProber endpointProber(MongoDatabase database, SecretBox secretBox, EventLog eventLog, Clock clock,
            @Value("${MMO_PROBE_INTERVAL_MS:30000}") long intervalMs, @Value("${MMO_PROBE_TIMEOUT_MS:2000}") long timeoutMs) {
        return new EndpointProber(database, secretBox, eventLog, new DefaultLockingTaskExecutor(new MongoLockProvider(database)), clock,
                Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs));
    }

    @Bean
    ProbeSchedule probeSchedule(EndpointProber prober) {
        return new ProbeSchedule(prober);
    }

    static class ProbeSchedule {

        private final EndpointProber prober;

        ProbeSchedule(EndpointProber prober) {
            this.prober = prober;
        }

        @Scheduled(fixedDelayString = "${MMO_PROBE_INTERVAL_MS:30000}", initialDelayString = "${MMO_PROBE_INTERVAL_MS:30000}")
        void probe() {
            prober.probeOnce();
        }
    }
}
