package dev.machinemarkets.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.machinemarkets.platform.config.PlatformSettings;
import dev.machinemarkets.schemas.Topic;
import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.stages.StageMessage;
import dev.machinemarkets.schemas.events.EventEnvelope;

/**
 * Producers and consumers of the event topics, typed by the registry in the schemas artifact.
 * A write is acknowledged only once every in-sync replica has it (acks=all, idempotent producer);
 * consumers commit only what they have applied, and retry a failing record without end rather
 * than skip it, so no event is silently lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
public class KafkaConfiguration {

    public static final String BATCH_LISTENER_FACTORY = "eventBatchListenerFactory";
    public static final String STAGE_LISTENER_FACTORY = "stageListenerFactory";

    private static final int COMMIT_EVERY_RECORDS = 500;
    private static final int BATCH_MAX_RECORDS = 2000;
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    @Bean
    KafkaAdmin kafkaAdmin(PlatformSettings settings) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
        admin.setOperationTimeout(10);
        return admin;
    }

    @Bean
    KafkaAdmin.NewTopics orchestratorTopics(PlatformSettings settings) {
        return new KafkaAdmin.NewTopics(java.util.stream.Stream.concat(Topics.eventTopics().stream().map(Topic::name),
                        Topics.stageTopics().stream().map(Topic::name))
                .map(topic -> new NewTopic(topic, settings.topicPartitions(), settings.topicReplicationFactor())
                        .configs(Map.of("min.insync.replicas",
                                Integer.toString(Math.max(1, settings.topicReplicationFactor() - 1)))))
                .toArray(NewTopic[]::new));
    }

    @Bean
    ProducerFactory<String, EventEnvelope> eventProducerFactory(PlatformSettings settings) {
        return new DefaultKafkaProducerFactory<>(producerConfig(settings, "-events"),
                Topics.MACHINE_EVENTS.keySerde().serializer(), Topics.EVENT_SERDE.serializer());
    }

    private static Map<String, Object> producerConfig(PlatformSettings settings, String clientSuffix) {
        int timeoutMs = (int) settings.writeTimeout().toMillis();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, timeoutMs));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, timeoutMs));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5000));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.serviceName() + clientSuffix);
        return config;
    }

    @Bean
    KafkaTemplate<String, EventEnvelope> eventTemplate(ProducerFactory<String, EventEnvelope> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    EventPublisher<EventEnvelope> eventPublisher(KafkaTemplate<String, EventEnvelope> template, PlatformSettings settings) {
        return new EventPublisher<>(template, settings.writeTimeout(), EventEnvelope::getType);
    }

    @Bean
    ProducerFactory<String, StageMessage> stageProducerFactory(PlatformSettings settings) {
        return new DefaultKafkaProducerFactory<>(producerConfig(settings, "-stages"),
                Topics.STAGE_REPLIES.keySerde().serializer(), Topics.STAGE_SERDE.serializer());
    }

    @Bean
    KafkaTemplate<String, StageMessage> stageTemplate(ProducerFactory<String, StageMessage> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    EventPublisher<StageMessage> stagePublisher(KafkaTemplate<String, StageMessage> template, PlatformSettings settings) {
        return new EventPublisher<>(template, settings.writeTimeout(), message -> message.getKind() + ":" + message.getStage());
    }

    @Bean
    ConsumerFactory<String, StageMessage> stageConsumerFactory(PlatformSettings settings) {
        return new DefaultKafkaConsumerFactory<>(consumerConfig(settings),
                Topics.STAGE_REPLIES.keySerde().deserializer(), Topics.STAGE_SERDE.deserializer());
    }

    @Bean(STAGE_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, StageMessage> stageListenerFactory(ConsumerFactory<String, StageMessage> consumerFactory) {
        return listenerFactory(consumerFactory, false);
    }

    @Bean
    ConsumerFactory<String, EventEnvelope> eventConsumerFactory(PlatformSettings settings) {
        return new DefaultKafkaConsumerFactory<>(consumerConfig(settings),
                Topics.MACHINE_EVENTS.keySerde().deserializer(), Topics.EVENT_SERDE.deserializer());
    }

    private static Map<String, Object> consumerConfig(PlatformSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.serviceName());
        return config;
    }

    @Bean(BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> eventBatchListenerFactory(
            ConsumerFactory<String, EventEnvelope> consumerFactory) {
        return listenerFactory(consumerFactory, true);
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> listenerFactory(ConsumerFactory<String, V> consumerFactory,
            boolean batch) {
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(batch);
        // A batch listener commits once per polled batch. A record listener commits every COMMIT_EVERY_RECORDS
        // records or COMMIT_INTERVAL, whichever comes first, rather than after every poll: under a steady
        // trickle each poll returns one record, and a commit per record is a broker round trip and an append
        // to the offsets topic for every event. What a crash redelivers (at most that much) is applied again,
        // which the views absorb (they are idempotent) and the stages check against the task's status.
        if (batch) {
            factory.getContainerProperties().setAckMode(AckMode.BATCH);
            // bigger batches mean fewer, larger bulk writes when a backlog builds up; a trickle still goes one by one
            java.util.Properties larger = new java.util.Properties();
            larger.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(BATCH_MAX_RECORDS));
            factory.getContainerProperties().setKafkaConsumerProperties(larger);
        } else {
            factory.getContainerProperties().setAckMode(AckMode.COUNT_TIME);
            factory.getContainerProperties().setAckCount(COMMIT_EVERY_RECORDS);
            factory.getContainerProperties().setAckTime(COMMIT_INTERVAL.toMillis());
            // the pending commit is made on the next turn of the poll loop, so the loop must turn that often
            factory.getContainerProperties().setPollTimeout(COMMIT_INTERVAL.toMillis());
        }
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
