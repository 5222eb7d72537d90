package dev.machinemarkets.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.machinemarkets.gateway.GatewaySettings;
import dev.machinemarkets.platform.web.ErrorBody;
import dev.machinemarkets.platform.web.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * With PEAQOS_REQUIRE_API_AUTH=true every /api/v1 call needs a platform key in x-api-key. The agent
 * heartbeat is the exception: agents prove themselves with their own agent token instead.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "x-api-key";
    private static final String HEARTBEAT_PATH = "/api/v1/machine-agents/heartbeat";

    private final GatewaySettings settings;
    private final ObjectMapper objectMapper;
    private final List<byte[]> keys;

    public ApiKeyFilter(GatewaySettings settings, ObjectMapper objectMapper) {
        this.settings = settings;
        this.objectMapper = objectMapper;
        this.keys = settings.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!settings.requireApiAuth() || HEARTBEAT_PATH.equals(request.getRequestURI()) || isKnownKey(request.getHeader(HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(ErrorCode.AUTH_REQUIRED.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(),
                ErrorBody.of(ErrorCode.AUTH_REQUIRED, "a valid platform API key is required in the x-api-key header", List.of()));
    }

    private boolean isKnownKey(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }
}
