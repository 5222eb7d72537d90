package dev.machinemarkets.gateway;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;

/** The gateway's own switches (README, "Configuration"). */
public record GatewaySettings(IdentityVerification identityVerification, boolean requireApiAuth, List<String> apiKeys) {

    public enum IdentityVerification { REQUIRED, OFF }

    public static GatewaySettings from(Environment env) {
        String verification = env.getProperty("PEAQOS_MACHINE_IDENTITY_VERIFICATION", "required").trim();
        IdentityVerification mode = switch (verification.toLowerCase()) {
            case "required" -> IdentityVerification.REQUIRED;
            case "off" -> IdentityVerification.OFF;
            default -> throw new IllegalStateException(
                    "PEAQOS_MACHINE_IDENTITY_VERIFICATION must be 'required' or 'off', not '" + verification + "'");
        };
        boolean requireApiAuth = Boolean.parseBoolean(env.getProperty("PEAQOS_REQUIRE_API_AUTH", "false").trim());
        List<String> keys = Arrays.stream(env.getProperty("PEAQOS_API_KEYS", "").split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (requireApiAuth && keys.isEmpty()) {
            throw new IllegalStateException("PEAQOS_REQUIRE_API_AUTH=true needs at least one key in PEAQOS_API_KEYS");
        }
        return new GatewaySettings(mode, requireApiAuth, keys);
    }

    public boolean verificationRequired() {
        return identityVerification == IdentityVerification.REQUIRED;
    }
}
