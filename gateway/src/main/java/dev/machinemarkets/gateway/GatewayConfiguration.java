package dev.machinemarkets.gateway;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.machinemarkets.gateway.security.ApiKeyFilter;
import dev.machinemarkets.platform.secrets.SecretBox;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    GatewaySettings gatewaySettings(Environment environment) {
        return GatewaySettings.from(environment);
    }

    @Bean
    SecretBox secretBox(Environment environment) {
        return SecretBox.fromBase64(environment.getProperty("MMO_SECRET_KEY"));
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(GatewaySettings settings, ObjectMapper objectMapper) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(settings, objectMapper));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
