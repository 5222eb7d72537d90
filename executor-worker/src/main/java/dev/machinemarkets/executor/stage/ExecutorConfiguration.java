package dev.machinemarkets.executor.stage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.machinemarkets.executor.runtime.ResilienceSettings;
import dev.machinemarkets.executor.runtime.RuntimeClient;
import dev.machinemarkets.platform.secrets.SecretBox;

@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

    @Bean
    RuntimeClient runtimeClient(Environment environment) {
        return new RuntimeClient(ResilienceSettings.from(environment));
    }

    @Bean
    SecretBox secretBox(Environment environment) {
        return SecretBox.fromBase64(environment.getProperty("MMO_SECRET_KEY"));
    }
}
