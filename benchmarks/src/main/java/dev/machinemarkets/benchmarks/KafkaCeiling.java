package dev.machinemarkets.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.machinemarkets.schemas.Topics;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.RuntimeEndpointUpserted;
import dev.machinemarkets.schemas.state.RuntimeEndpointState;

/**
 * K: records per second produced and consumed together through the stack's broker, with the size of a
 * real event and the pipeline's producer settings (acks=all, idempotent, lz4, no linger), sent
 * asynchronously as Kafka's producer perf tool does.
 */
final class KafkaCeiling {

    private KafkaCeiling() {
    }

    static byte[] typicalEvent() {
        Instant now = Instant.now();
        RuntimeEndpointState endpoint = RuntimeEndpointState.newBuilder().setId("rep_01M8HNDCDCDF8JZ4Q10DH94NN4")
                .setMachineId("mach_01M8HNDBRMHEJEQXK2QDKB7T3E").setProviderKey("qvac").setSource("agent")
                .setAgentId("agt_01M8HNDCHE31VSCCQBT8T3E4C7").setLabel("QVAC runtime").setEndpointBaseUrl("http://127.0.0.1:11434")
                .setAuthType("bearer").setHasAuthToken(true).setModelAlias("qwen2.5").setNetworkScope("loopback").setProbePath("/v1/models")
                .setStatus("active").setLeaseExpiresAt(now).setCreatedAt(now).setUpdatedAt(now).build();
        EventEnvelope event = EventEnvelope.newBuilder().setEventId("evt_01M8HNDCWFM1TGQVC386ZMDGJ9").setType("runtime-endpoint.upserted")
                .setActor("api").setResourceType("runtime-endpoint").setResourceId(endpoint.getId()).setMachineId(endpoint.getMachineId())
                .setCreatedAt(now).setPayload(new RuntimeEndpointUpserted(endpoint, false)).build();
        return Topics.EVENT_SERDE.encode(event);
    }

    private static final String TOPIC = "mmo.benchmark-ceiling";

    /** One topic for every run, created once and written to before it is measured: a fresh topic's first writes are not the ceiling. */
    static void prepare(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        StackProcess.sleep(2000);
    }

    static Measurement run(String bootstrap, ProcessMeter stack, int records, int run) throws Exception {
        String topic = TOPIC;
        byte[] value = typicalEvent();
        CountDownLatch consumed = new CountDownLatch(1);
        AtomicLong count = new AtomicLong();
        Thread consumer = new Thread(() -> {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "." + run + "." + System.nanoTime());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(topic));
                while (count.get() < records) {
                    count.addAndGet(c.poll(Duration.ofMillis(200)).count());
                }
            }
            consumed.countDown();
        });
        consumer.start();
        StackProcess.sleep(3000);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        CpuWindow window;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            window = new CpuWindow(stack);
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "mach_" + (i % 200), value));
            }
            producer.flush();
        }
        if (!consumed.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the ceiling consumer did not get every record");
        }
        return window.rate(records).with("records", records).with("recordBytes", value.length);
    }
}
