package dev.machinemarkets.localstack;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts one service on its own against a given Kafka and MongoDB, as a container would. */
final class Services {

    static final String TEST_SECRET_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private Services() {
    }

    static ConfigurableApplicationContext start(Supplier<SpringApplicationBuilder> application, String kafka, String mongoUri,
            Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        properties.put("MONGODB_URI", mongoUri);
        properties.put("MMO_SECRET_KEY", TEST_SECRET_KEY);
        properties.put("PEAQOS_MACHINE_IDENTITY_VERIFICATION", "off");
        properties.put("server.port", 0);
        properties.putAll(more);
        return application.get().registerShutdownHook(false)
                .initializers(c -> c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties)))
                .run();
    }

    static Api api(ConfigurableApplicationContext gateway) {
        return new Api("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
    }
}
