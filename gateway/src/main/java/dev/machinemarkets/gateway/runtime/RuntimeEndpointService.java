package dev.machinemarkets.gateway.runtime;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.springframework.stereotype.Service;

import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.RuntimeEndpointDeleted;
import dev.machinemarkets.schemas.events.RuntimeEndpointUpserted;
import dev.machinemarkets.schemas.state.RuntimeEndpointState;

/** Creates, replaces and removes runtime endpoints, by hand (PUT) or for an agent's heartbeat. */
@Service
public class RuntimeEndpointService {

    static final String RESOURCE_TYPE = "runtime-endpoint";
    public static final String SOURCE_MANUAL = "manual";
    public static final String SOURCE_AGENT = "agent";
    private static final String QVAC = "qvac";

    private final MachineGate gate;
    private final RuntimeEndpointViews views;
    private final EndpointSecrets secrets;
    private final EventLog eventLog;
    private final Clock clock;

    public RuntimeEndpointService(MachineGate gate, RuntimeEndpointViews views, EndpointSecrets secrets,
            EventLog eventLog, Clock clock) {
        this.gate = gate;
        this.views = views;
        this.secrets = secrets;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** The endpoint as it will be after the change, and what to do with its secret. */
    public record PreparedEndpoint(RuntimeEndpointState state, boolean created, String newAuthToken, boolean clearAuthToken,
            EventEnvelope event) {
    }

    public record Upserted(Document endpoint, boolean created) {
    }

    public Upserted upsertManual(String machineId, String rawProviderKey, EndpointSpec spec) {
        gate.require(machineId);
        Instant now = now();
        String providerKey = ProviderKeys.normalize(rawProviderKey);
        if (!ProviderKeys.isValid(providerKey)) {
            throw ApiException.invalid("providerKey", ProviderKeys.RULE);
        }
        PreparedEndpoint prepared = prepare(machineId, providerKey, spec, "", SOURCE_MANUAL, null,
                spec.leaseExpiresAt() == null ? null : spec.leaseExpiresAt().truncatedTo(ChronoUnit.MILLIS), now);
        write(machineId, List.of(prepared), List.of(), now);
        return new Upserted(views.find(machineId, providerKey).orElseThrow(), prepared.created());
    }

    /** Validates one endpoint against the rules of the seed and builds its next state; writes nothing. */
    public PreparedEndpoint prepare(String machineId, String providerKey, EndpointSpec spec, String fieldPrefix,
            String source, String agentId, Instant leaseExpiresAt, Instant now) {
        List<FieldIssue> issues = new ArrayList<>();
        URI url = EndpointUrls.normalize(spec.endpointBaseUrl()).orElse(null);
        if (url == null) {
            issues.add(new FieldIssue(fieldPrefix + "endpointBaseUrl", "must be an http or https URL with a host"));
        }
        String probePath = spec.probePath() == null ? (QVAC.equals(providerKey) ? "/v1/models" : "/health") : spec.probePath();
        if (!probePath.startsWith("/") || probePath.length() > 512) {
            issues.add(new FieldIssue(fieldPrefix + "probePath", "must be a path starting with '/'"));
        }
        AuthType authType = spec.authType() == null ? AuthType.NONE : spec.authType();
        Document existing = views.find(machineId, providerKey).orElse(null);
        boolean hadToken = existing != null && Boolean.TRUE.equals(existing.getBoolean("hasAuthToken"));
        if (authType == AuthType.NONE && spec.authToken() != null) {
            issues.add(new FieldIssue(fieldPrefix + "authToken", "needs authType api-key or bearer"));
        }
        if (authType != AuthType.NONE && (spec.authToken() == null || spec.authToken().isBlank()) && !hadToken) {
            issues.add(new FieldIssue(fieldPrefix + "authToken", "is required for authType " + authType.wire()));
        }
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
        boolean newToken = authType != AuthType.NONE && spec.authToken() != null && !spec.authToken().isBlank();
        RuntimeEndpointState state = RuntimeEndpointState.newBuilder()
                .setId(existing == null ? Ids.newId("rep", now) : existing.getString("id"))
                .setMachineId(machineId)
                .setProviderKey(providerKey)
                .setSource(source)
                .setAgentId(agentId)
                .setLabel(spec.label() == null || spec.label().isBlank()
                        ? providerKey.toUpperCase(Locale.ROOT) + " runtime" : spec.label().trim())
                .setEndpointBaseUrl(url.toString())
                .setAuthType(authType.wire())
                .setHasAuthToken(authType != AuthType.NONE)
                .setModelAlias(spec.modelAlias())
                .setNetworkScope((spec.networkScope() == null ? EndpointUrls.scopeOf(url) : spec.networkScope()).wire())
                .setProbePath(probePath)
                .setStatus((spec.status() == null ? EndpointStatus.ACTIVE : spec.status()).wire())
                .setLeaseExpiresAt(leaseExpiresAt)
                .setLastCheckedAt(instant(existing, "lastCheckedAt"))
                .setLastHealthyAt(instant(existing, "lastHealthyAt"))
                .setCreatedAt(existing == null ? now : instant(existing, "createdAt"))
                .setUpdatedAt(now)
                .build();
        EventEnvelope event = Events.envelope("runtime-endpoint.upserted", Events.ACTOR_API, RESOURCE_TYPE, state.getId(),
                machineId, now, new RuntimeEndpointUpserted(state, existing == null));
        return new PreparedEndpoint(state, existing == null, newToken ? spec.authToken() : null,
                authType == AuthType.NONE && hadToken, event);
    }

    /** Stores secrets first (they never enter an event), then appends the events in one ordered batch. */
    public void write(String machineId, List<PreparedEndpoint> endpoints, List<EventEnvelope> more, Instant now) {
        List<EventEnvelope> events = new ArrayList<>();
        for (PreparedEndpoint endpoint : endpoints) {
            String providerKey = endpoint.state().getProviderKey();
            if (endpoint.newAuthToken() != null) {
                secrets.store(machineId, providerKey, endpoint.newAuthToken(), now);
            } else if (endpoint.clearAuthToken()) {
                secrets.remove(machineId, providerKey);
            }
            events.add(endpoint.event());
        }
        events.addAll(more);
        eventLog.appendForMachine(machineId, events);
    }

    public void delete(String machineId, String rawProviderKey) {
        gate.require(machineId);
        String providerKey = ProviderKeys.normalize(rawProviderKey);
        Document existing = views.find(machineId, providerKey)
                .orElseThrow(() -> ApiException.notFound("runtime endpoint", providerKey + " of machine " + machineId));
        Instant now = now();
        String endpointId = existing.getString("id");
        eventLog.appendForMachine(machineId, Events.envelope("runtime-endpoint.deleted", Events.ACTOR_API, RESOURCE_TYPE, endpointId,
                machineId, now, new RuntimeEndpointDeleted(endpointId, machineId, providerKey)));
        secrets.remove(machineId, providerKey);
    }

    private static Instant instant(Document document, String field) {
        Date date = document == null ? null : document.get(field, Date.class);
        return date == null ? null : date.toInstant();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
