package dev.machinemarkets.gateway.agents;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.machinemarkets.gateway.runtime.RuntimeEndpointViews;
import dev.machinemarkets.platform.events.AvroDocuments;
import jakarta.validation.Valid;

@RestController
class HeartbeatController {

    static final String PAIRING_TOKEN_HEADER = "x-agent-pairing-token";
    private static final String BEARER = "Bearer ";

    private final AgentService service;
    private final RuntimeEndpointViews endpointViews;

    HeartbeatController(AgentService service, RuntimeEndpointViews endpointViews) {
        this.service = service;
        this.endpointViews = endpointViews;
    }

    record HeartbeatResponse(Map<String, Object> item, List<Map<String, Object>> endpoints) {
    }

    @PostMapping("/api/v1/machine-agents/heartbeat")
    HeartbeatResponse heartbeat(@Valid @RequestBody HeartbeatRequest request,
            @RequestHeader(name = PAIRING_TOKEN_HEADER, required = false) String pairingToken,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        AgentService.HeartbeatResult result = service.heartbeat(request, presentedToken(request, pairingToken, authorization));
        return new HeartbeatResponse(AvroDocuments.toView(result.agent()),
                result.endpoints().stream().map(endpointViews::toView).toList());
    }

    /** The body field first, then x-agent-pairing-token, then a bearer token. */
    private static String presentedToken(HeartbeatRequest request, String pairingToken, String authorization) {
        if (request.agentToken() != null && !request.agentToken().isBlank()) {
            return request.agentToken();
        }
        if (pairingToken != null && !pairingToken.isBlank()) {
            return pairingToken;
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length());
        }
        return null;
    }
}
