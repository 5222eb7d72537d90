package dev.machinemarkets.gateway.agents;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Service;

import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.gateway.runtime.ProviderKeys;
import dev.machinemarkets.gateway.runtime.RuntimeEndpointService;
import dev.machinemarkets.gateway.runtime.RuntimeEndpointService.PreparedEndpoint;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.ErrorCode;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.gateway.runtime.LeaseRules;
import dev.machinemarkets.schemas.events.MachineAgentEnrolled;
import dev.machinemarkets.schemas.events.MachineAgentHeartbeat;
import dev.machinemarkets.schemas.events.MachineAgentRevoked;
import dev.machinemarkets.schemas.state.MachineAgentState;

/** Enrols, revokes and hears from machine-side runtime agents. */
@Service
class AgentService {

    static final String RESOURCE_TYPE = "machine-agent";
    private static final String DEFAULT_LABEL = "Machine runtime agent";
    private static final List<String> DEFAULT_PROVIDER_KEYS = List.of("qvac");

    private final MachineGate gate;
    private final AgentViews views;
    private final AgentCredentials credentials;
    private final RuntimeEndpointService endpoints;
    private final EventLog eventLog;
    private final Clock clock;

    AgentService(MachineGate gate, AgentViews views, AgentCredentials credentials, RuntimeEndpointService endpoints,
            EventLog eventLog, Clock clock) {
        this.gate = gate;
        this.views = views;
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    record Enrolled(Document agent, String agentToken) {
    }

    record HeartbeatResult(Document agent, List<Document> endpoints) {
    }

    Enrolled enroll(String machineId, EnrollAgentRequest request) {
        gate.require(machineId);
        List<String> providerKeys = providerKeys(request);
        Instant now = now();
        String agentId = Ids.newId("agt", now);
        MachineAgentState agent = MachineAgentState.newBuilder()
                .setId(agentId)
                .setMachineId(machineId)
                .setLabel(request.label() == null || request.label().isBlank() ? DEFAULT_LABEL : request.label().trim())
                .setAllowedProviderKeys(providerKeys)
                .setStatus(AgentStatus.PROVISIONED.wire())
                .setHasAgentToken(true)
                .setLastSeenAt(null)
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
        String token = AgentTokens.newToken();
        credentials.store(agentId, machineId, token, now);
        eventLog.appendForMachine(machineId, Events.envelope("machine-agent.enrolled", Events.ACTOR_API, RESOURCE_TYPE, agentId,
                machineId, now, new MachineAgentEnrolled(agent)));
        return new Enrolled(views.find(machineId, agentId).orElseThrow(), token);
    }

    private static List<String> providerKeys(EnrollAgentRequest request) {
        if (request.allowedProviderKeys() != null && request.providerKeys() != null
                && !normalized(request.allowedProviderKeys(), "allowedProviderKeys").equals(normalized(request.providerKeys(), "providerKeys"))) {
            throw ApiException.invalid("providerKeys", "is an alias of allowedProviderKeys; send one of them, or both the same");
        }
        if (request.allowedProviderKeys() != null) {
            return normalized(request.allowedProviderKeys(), "allowedProviderKeys");
        }
        if (request.providerKeys() != null) {
            return normalized(request.providerKeys(), "providerKeys");
        }
        return DEFAULT_PROVIDER_KEYS;
    }

    private static List<String> normalized(List<String> keys, String field) {
        if (keys.isEmpty()) {
            throw ApiException.invalid(field, "must name at least one provider key");
        }
        Set<String> out = new LinkedHashSet<>();
        List<FieldIssue> issues = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = ProviderKeys.normalize(keys.get(i));
            if (!ProviderKeys.isValid(key)) {
                issues.add(new FieldIssue(field + "[" + i + "]", ProviderKeys.RULE));
            } else {
                out.add(key);
            }
        }
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
        return List.copyOf(out);
    }

    Document get(String machineId, String agentId) {
        gate.require(machineId);
        return find(machineId, agentId);
    }

    Document revoke(String machineId, String agentId) {
        gate.require(machineId);
        Document current = find(machineId, agentId);
        if (AgentStatus.REVOKED.wire().equals(current.getString("status"))) {
            return current;
        }
        Instant now = now();
        MachineAgentState agent = MachineAgentState.newBuilder(AvroDocuments.fromDocument(current, MachineAgentState.class))
                .setStatus(AgentStatus.REVOKED.wire()).setUpdatedAt(now).build();
        eventLog.appendForMachine(machineId, Events.envelope("machine-agent.revoked", Events.ACTOR_API, RESOURCE_TYPE, agentId,
                machineId, now, new MachineAgentRevoked(agent)));
        return find(machineId, agentId);
    }

    /**
     * Checks, in this order: the machine gate, the agent, its token (missing, then wrong), its status, and
     * the provider keys it may serve; then renews the lease of every endpoint it reports.
     */
    HeartbeatResult heartbeat(HeartbeatRequest request, String presentedToken) {
        String machineId = request.machineId();
        gate.require(machineId);
        Document current = find(machineId, request.agentId());
        if (presentedToken == null || presentedToken.isBlank()) {
            throw new ApiException(ErrorCode.AGENT_AUTH_REQUIRED,
                    "send the agent token in agentToken, x-agent-pairing-token or Authorization: Bearer");
        }
        if (!credentials.verify(request.agentId(), machineId, presentedToken.trim())) {
            throw new ApiException(ErrorCode.AGENT_AUTH_INVALID, "the agent token is not valid for this agent");
        }
        if (AgentStatus.REVOKED.wire().equals(current.getString("status"))) {
            throw new ApiException(ErrorCode.AGENT_PAIRING_INACTIVE, "agent " + request.agentId() + " has been revoked");
        }
        MachineAgentState agentState = AvroDocuments.fromDocument(current, MachineAgentState.class);
        Instant now = now();
        int leaseSeconds = request.leaseSeconds() == null ? LeaseRules.DEFAULT_SECONDS : request.leaseSeconds();
        Instant leaseExpiresAt = now.plusSeconds(leaseSeconds);

        List<HeartbeatRequest.Endpoint> reported = request.endpoints() == null ? List.of() : request.endpoints();
        List<String> providerKeys = checkProviderKeys(reported, agentState.getAllowedProviderKeys());
        List<PreparedEndpoint> prepared = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            prepared.add(endpoints.prepare(machineId, providerKeys.get(i), reported.get(i).spec(), "endpoints[" + i + "].",
                    RuntimeEndpointService.SOURCE_AGENT, request.agentId(), leaseExpiresAt, now));
        }
        MachineAgentState agent = MachineAgentState.newBuilder(agentState)
                .setStatus(AgentStatus.ACTIVE.wire()).setLastSeenAt(now).setUpdatedAt(now).build();
        List<String> endpointIds = prepared.stream().map(p -> p.state().getId()).toList();
        endpoints.write(machineId, prepared, List.of(Events.envelope("machine-agent.heartbeat", Events.ACTOR_API,
                RESOURCE_TYPE, request.agentId(), machineId, now, new MachineAgentHeartbeat(agent, leaseSeconds, endpointIds))), now);

        // Answer with the states this heartbeat wrote rather than reading them back: they are what the views now
        // hold, and a heartbeat is the hottest write path of the gateway.
        return new HeartbeatResult(AvroDocuments.toDocument(agent), prepared.stream().map(p -> AvroDocuments.toDocument(p.state())).toList());
    }

    private static List<String> checkProviderKeys(List<HeartbeatRequest.Endpoint> reported, List<String> allowed) {
        List<String> keys = new ArrayList<>();
        List<FieldIssue> issues = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            String key = ProviderKeys.normalize(reported.get(i).providerKey());
            if (!ProviderKeys.isValid(key)) {
                issues.add(new FieldIssue("endpoints[" + i + "].providerKey", ProviderKeys.RULE));
            } else if (keys.contains(key)) {
                issues.add(new FieldIssue("endpoints[" + i + "].providerKey", "repeats provider key " + key));
            }
            keys.add(key);
        }
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!allowed.contains(keys.get(i))) {
                throw new ApiException(ErrorCode.AGENT_POLICY_DENIED, "provider key " + keys.get(i)
                        + " is not in this agent's allowedProviderKeys " + allowed,
                        List.of(new FieldIssue("endpoints[" + i + "].providerKey", "is not allowed for this agent")));
            }
        }
        return keys;
    }

    private Document find(String machineId, String agentId) {
        return views.find(machineId, agentId)
                .orElseThrow(() -> ApiException.notFound("agent", agentId + " of machine " + machineId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
