package dev.machinemarkets.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.machinemarkets.audit.AuditSinkApplication;
import dev.machinemarkets.discovery.DiscoveryWorkerApplication;
import dev.machinemarkets.executor.ExecutorWorkerApplication;
import dev.machinemarkets.gateway.GatewayApplication;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.resolver.ResolverWorkerApplication;

/**
 * The embedded default: a real Kafka broker (KRaft), a Mongo-wire store kept in H2 under the data
 * folder, and every service of the orchestrator, in one process. Ctrl-C stops them in order:
 * services first, so that they can commit what they consumed, then the broker, then the store.
 */
public final class LocalStack implements AutoCloseable {

    /** How to start the stack; {@link #fromEnvironment()} reads the README's variables. */
    public record Options(Path dataDir, int gatewayPort, int workerPortBase, int kafkaPort, int kafkaControllerPort,
            int mongoPort, boolean persistentStore, Map<String, Object> serviceProperties, Clock clock) {

        public static Options fromEnvironment() {
            Map<String, String> env = System.getenv();
            Map<String, Object> properties = new HashMap<>();
            properties.put("PEAQOS_MACHINE_IDENTITY_VERIFICATION", env.getOrDefault("PEAQOS_MACHINE_IDENTITY_VERIFICATION", "off"));
            return new Options(Path.of(env.getOrDefault("MMO_DATA_DIR", "data")),
                    Integer.parseInt(env.getOrDefault("SERVER_PORT", "8080")),
                    Integer.parseInt(env.getOrDefault("MMO_WORKER_PORT_BASE", "8081")),
                    Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092")),
                    Integer.parseInt(env.getOrDefault("KAFKA_CONTROLLER_PORT", "9093")),
                    Integer.parseInt(env.getOrDefault("MONGO_PORT", "27017")),
                    persistentStore(env.getOrDefault("MMO_STORE", "h2")), properties, null);
        }

        private static boolean persistentStore(String store) {
            return switch (store.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "h2" -> true;
                case "memory" -> false;
                default -> throw new IllegalArgumentException("MMO_STORE is '" + store + "'; it must be h2 or memory");
            };
        }

        /** Everything on free ports under the given folder: for tests. */
        public static Options forTests(Path dataDir, Map<String, Object> serviceProperties, Clock clock) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("PEAQOS_MACHINE_IDENTITY_VERIFICATION", "off");
            properties.putAll(serviceProperties);
            return new Options(dataDir, 0, 0, freePort(), freePort(), freePort(), true, properties, clock);
        }
    }

    private record Service(String name, Supplier<SpringApplicationBuilder> builder, int port) {
    }

    private final Options options;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();

    private LocalStack(Options options) {
        this.options = options;
        this.kafka = new EmbeddedKafka(options.dataDir().resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort());
        this.mongo = new EmbeddedMongo(options.persistentStore() ? options.dataDir().resolve("mongo").resolve("store.mv") : null,
                options.mongoPort());
    }

    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.kafka.start();
            stack.mongo.start();
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServices() {
        Map<String, Object> shared = new HashMap<>();
        shared.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        shared.put("MONGODB_URI", mongo.uri());
        shared.put("MMO_SECRET_KEY", secretKey(options.dataDir()));
        // every service of this stack writes the views from this one process, through one ViewStore (see ViewStore.Mode)
        Object viewWrites = options.serviceProperties().getOrDefault("MMO_VIEW_WRITES", System.getenv("MMO_VIEW_WRITES"));
        ViewStore viewStore = new ViewStore(ViewStore.Mode.of(viewWrites, ViewStore.Mode.SINGLE_PROCESS));
        shared.putAll(options.serviceProperties());
        int base = options.workerPortBase();
        List<Service> all = List.of(
                new Service("gateway", GatewayApplication::application, options.gatewayPort()),
                new Service("discovery-worker", DiscoveryWorkerApplication::application, base == 0 ? 0 : base),
                new Service("resolver-worker", ResolverWorkerApplication::application, base == 0 ? 0 : base + 1),
                new Service("executor-worker", ExecutorWorkerApplication::application, base == 0 ? 0 : base + 2),
                new Service("audit-sink", AuditSinkApplication::application, base == 0 ? 0 : base + 3));
        for (Service service : all) {
            Map<String, Object> properties = new HashMap<>(shared);
            properties.put("server.port", service.port());
            SpringApplicationBuilder builder = service.builder().get()
                    .registerShutdownHook(false)
                    .initializers(context -> {
                        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("local-stack", properties));
                        context.getBeanFactory().registerSingleton("viewStore", viewStore);
                        if (options.clock() != null) {
                            context.getBeanFactory().registerSingleton("clock", options.clock());
                        }
                    });
            services.put(service.name(), builder.run());
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + port("gateway");
    }

    public int port(String service) {
        return ((WebServerApplicationContext) services.get(service)).getWebServer().getPort();
    }

    public Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.keySet().forEach(name -> ports.put(name, port(name)));
        return ports;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.uri();
    }

    /** Fault injection for tests: the store goes away (connections refused) until {@link #startStore()}. */
    public void stopStore() {
        mongo.stop();
    }

    public void startStore() {
        mongo.start();
    }

    /** Fault injection for tests: the broker goes away until {@link #startBroker()}. */
    public void stopBroker() {
        kafka.stop();
    }

    public void startBroker() {
        kafka.start();
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        for (ConfigurableApplicationContext context : running) {
            context.close();
        }
        services.clear();
        kafka.close();
        mongo.close();
    }

    /** The key that encrypts runtime endpoint tokens: MMO_SECRET_KEY, or one made once and kept in the data folder. */
    private static String secretKey(Path dataDir) {
        String fromEnv = System.getenv("MMO_SECRET_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            Path file = dataDir.resolve("secret.key");
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(dataDir);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.fromEnvironment();
        LocalStack stack = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Machine Markets Orchestrator local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println();
        System.out.println("Machine Markets Orchestrator is up.");
        System.out.println("  API:      " + stack.gatewayUrl() + "/api/v1   (health: " + stack.gatewayUrl() + "/health)");
        System.out.println("  services: " + stack.servicePorts());
        System.out.println("  Kafka:    " + stack.kafkaBootstrapServers() + "   MongoDB wire: " + stack.mongoUri());
        System.out.println("  data:     " + options.dataDir().toAbsolutePath());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
