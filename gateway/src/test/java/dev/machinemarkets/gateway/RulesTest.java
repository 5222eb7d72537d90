package dev.machinemarkets.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

import dev.machinemarkets.gateway.agents.AgentTokens;
import dev.machinemarkets.gateway.machines.IdentityRefs;
import dev.machinemarkets.gateway.runtime.EndpointUrls;
import dev.machinemarkets.gateway.runtime.LeaseRules;
import dev.machinemarkets.gateway.runtime.NetworkScope;
import dev.machinemarkets.gateway.runtime.ProviderKeys;

/** The plain rules behind the API, without Spring, Kafka or a store. */
class RulesTest {

    @Test
    void identityRefsTakeTwoForms() {
        assertThat(IdentityRefs.isValid("did:peaq:0x" + "a".repeat(40))).isTrue();
        assertThat(IdentityRefs.isValid("did:peaq:0x" + "A1".repeat(20))).isTrue();
        assertThat(IdentityRefs.isValid("peaqos:machine:robot-7")).isTrue();
        assertThat(IdentityRefs.isValid("did:peaq:0x" + "a".repeat(39))).isFalse();
        assertThat(IdentityRefs.isValid("did:peaq:0x" + "g".repeat(40))).isFalse();
        assertThat(IdentityRefs.isValid("peaqos:machine:")).isFalse();
        assertThat(IdentityRefs.isValid(null)).isFalse();
        assertThat(IdentityRefs.canonical("did:peaq:0x" + "AB".repeat(20))).isEqualTo("did:peaq:0x" + "ab".repeat(20));
        assertThat(IdentityRefs.canonical("peaqos:machine:Robot")).isEqualTo("peaqos:machine:Robot");
    }

    @Test
    void endpointUrlsKeepSchemeHostAndPortOnly() {
        assertThat(EndpointUrls.normalize("HTTPS://Example.COM:8443/a/b?q=1#x")).contains(URI.create("https://example.com:8443"));
        assertThat(EndpointUrls.normalize("http://[::1]:11434/v1")).contains(URI.create("http://[::1]:11434"));
        assertThat(EndpointUrls.normalize("http://user:pw@host")).isEmpty();
        assertThat(EndpointUrls.normalize("ws://host")).isEmpty();
        assertThat(EndpointUrls.normalize("host:80")).isEmpty();
        assertThat(EndpointUrls.normalize(" ")).isEmpty();
    }

    @Test
    void networkScopeIsToldFromTheHost() {
        assertThat(EndpointUrls.scopeOf(URI.create("http://localhost:1"))).isEqualTo(NetworkScope.LOOPBACK);
        assertThat(EndpointUrls.scopeOf(URI.create("http://127.0.0.2:1"))).isEqualTo(NetworkScope.LOOPBACK);
        assertThat(EndpointUrls.scopeOf(URI.create("http://[::1]:1"))).isEqualTo(NetworkScope.LOOPBACK);
        assertThat(EndpointUrls.scopeOf(URI.create("http://10.1.2.3:1"))).isEqualTo(NetworkScope.LAN);
        assertThat(EndpointUrls.scopeOf(URI.create("http://printer.local"))).isEqualTo(NetworkScope.LAN);
        assertThat(EndpointUrls.scopeOf(URI.create("http://gpu-box"))).isEqualTo(NetworkScope.LAN);
        assertThat(EndpointUrls.scopeOf(URI.create("https://api.example.com"))).isEqualTo(NetworkScope.PUBLIC);
        assertThat(EndpointUrls.scopeOf(URI.create("http://8.8.8.8"))).isEqualTo(NetworkScope.PUBLIC);
    }

    @Test
    void providerKeysAreLowerCaseWords() {
        assertThat(ProviderKeys.normalize(" QVAC ")).isEqualTo("qvac");
        assertThat(ProviderKeys.isValid("open-ai.v2_x")).isTrue();
        assertThat(ProviderKeys.isValid("-qvac")).isFalse();
        assertThat(ProviderKeys.isValid("q vac")).isFalse();
        assertThat(ProviderKeys.isValid("a".repeat(65))).isFalse();
    }

    @Test
    void aLeaseExpiresAtItsInstant() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(LeaseRules.expired(null, now)).isFalse();
        assertThat(LeaseRules.expired(Date.from(now.plusMillis(1)), now)).isFalse();
        assertThat(LeaseRules.expired(Date.from(now), now)).isTrue();
        assertThat(LeaseRules.expired(Date.from(now.minusSeconds(1)), now)).isTrue();
    }

    @Test
    void agentTokensAreRandomAndOnlyTheirHashIsCompared() {
        String token = AgentTokens.newToken();
        assertThat(token).startsWith("mmat_").hasSize(48).isNotEqualTo(AgentTokens.newToken());
        String hash = AgentTokens.hash(token);
        assertThat(hash).hasSize(64).doesNotContain(token);
        assertThat(AgentTokens.matches(token, hash)).isTrue();
        assertThat(AgentTokens.matches(token + "x", hash)).isFalse();
        assertThat(AgentTokens.matches(null, hash)).isFalse();
        assertThat(AgentTokens.matches(token, null)).isFalse();
    }
}
