package dev.machinemarkets.platform.mongo;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.config.PlatformSettings;

/**
 * One client per service. Short selection and socket time-outs, so that a store that has gone away
 * turns into a prompt 503 instead of a request that hangs.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(PlatformSettings settings) {
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.mongoUri()))
                .applicationName(settings.serviceName())
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(clientSettings);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, PlatformSettings settings) {
        return client.getDatabase(settings.mongoDatabase());
    }

    /**
     * MMO_VIEW_WRITES=single-process only where every writer of the store is in one process (the local stack,
     * which hands every service the same instance instead).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    ViewStore viewStore(org.springframework.core.env.Environment environment) {
        return new ViewStore(ViewStore.Mode.of(environment.getProperty("MMO_VIEW_WRITES"), ViewStore.Mode.CONDITIONAL));
    }
}
