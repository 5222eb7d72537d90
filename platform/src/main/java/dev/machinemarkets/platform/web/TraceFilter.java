package dev.machinemarkets.platform.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the W3C traceparent of each request (or starts one) so the events a request causes carry it
 * to every consumer; the response echoes it for the client's logs.
 */
public class TraceFilter extends OncePerRequestFilter {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The traceparent of the request this thread serves, or a fresh one outside requests. */
    public static String current() {
        String traceparent = CURRENT.get();
        return traceparent != null ? traceparent : newTraceparent();
    }

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String traceparent = incoming != null && VALID.matcher(incoming).matches() ? incoming : newTraceparent();
        CURRENT.set(traceparent);
        response.setHeader(HEADER, traceparent);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
