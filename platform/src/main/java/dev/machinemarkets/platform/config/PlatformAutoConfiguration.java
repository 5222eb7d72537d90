package dev.machinemarkets.platform.config;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.health.HealthController;
import dev.machinemarkets.platform.kafka.EventPublisher;
import dev.machinemarkets.platform.kafka.KafkaConfiguration;
import dev.machinemarkets.platform.mongo.MongoConfiguration;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.views.CatalogueViewProjection;
import dev.machinemarkets.platform.views.GraphViewProjection;
import dev.machinemarkets.platform.views.MachineViewProjection;
import dev.machinemarkets.platform.views.PolicyViewProjection;
import dev.machinemarkets.platform.views.TaskViewProjection;
import dev.machinemarkets.platform.views.ViewProjections;
import dev.machinemarkets.platform.stages.StageReplies;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.stages.StageMessage;
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
    EventLog eventLog(EventPublisher<EventEnvelope> publisher, ViewProjections projections) {
        return new EventLog(publisher, projections);
    }

    @Bean
    ViewProjections viewProjections(ViewStore views, MongoDatabase database) {
        return new ViewProjections(views, List.of(new MachineViewProjection(database), new GraphViewProjection(database),
                new PolicyViewProjection(database), new CatalogueViewProjection(database), new TaskViewProjection(database)));
    }

    @Bean
    StageReplies stageReplies(EventPublisher<StageMessage> publisher, Clock clock) {
        return new StageReplies(publisher, clock);
    }

    @Bean
    TraceFilter traceFilter() {
        return new TraceFilter();
    }
}
