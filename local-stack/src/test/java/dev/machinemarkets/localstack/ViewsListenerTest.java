package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.PolicyCreated;
import dev.machinemarkets.schemas.events.PolicyUpdated;
import dev.machinemarkets.schemas.state.PolicyState;

/**
 * Events that reach the topic without passing through a gateway (written by another instance that died
 * before applying them, say) are applied by the views listener, in bulk, and each view ends on the newest
 * state whatever the batching.
 */
class ViewsListenerTest {

    private final Api api = TestStack.api();

    @Test
    void eventsWrittenStraightToTheTopicEndOnTheNewestStateOfEachView() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> policyIds = List.of(Ids.newId("pol", now), Ids.newId("pol", now), Ids.newId("pol", now));
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.shared().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                Topics.POLICY_EVENTS.keySerde().serializer(), Topics.POLICY_EVENTS.valueSerde().serializer())) {
            for (String policyId : policyIds) {
                producer.send(record(policyId, "policy.created", new PolicyCreated(policy(policyId, "v1", now)), now));
                for (int version = 2; version <= 5; version++) {
                    producer.send(record(policyId, "policy.updated", new PolicyUpdated(policy(policyId, "v" + version, now), List.of("name")), now));
                }
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String policyId : policyIds) {
                assertThat(api.get("/api/v1/policies/" + policyId).expect(200).item().get("name").asString()).isEqualTo("v5");
            }
        });
    }

    private static ProducerRecord<String, EventEnvelope> record(String policyId, String type, SpecificRecord payload, Instant at) {
        return new ProducerRecord<>(Topics.POLICY_EVENTS.name(), policyId, Events.envelope(type, Events.ACTOR_API, "policy", policyId, null, at, payload));
    }

    private static PolicyState policy(String policyId, String name, Instant at) {
        return PolicyState.newBuilder().setId(policyId).setName(name).setAllowedSkillKeys(List.of()).setDeniedSkillKeys(List.of())
                .setBudgetCap(null).setRegionRules(List.of()).setNativeOnly(false).setHandoffAllowed(true).setRequiredCapabilities(List.of())
                .setCreatedAt(at).setUpdatedAt(at).build();
    }
}
