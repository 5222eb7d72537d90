package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the gateway, the way any API client would call it. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {

        JsonNode item() {
            return body.get("item");
        }

        String errorCode() {
            return body.path("error").path("code").asString();
        }

        Response expect(int expected) {
            assertThat(status).as("HTTP status of %s %s, body %s", raw.request().method(), raw.request().uri(), raw.body())
                    .isEqualTo(expected);
            return this;
        }

        Response expectError(int expectedStatus, String code) {
            expect(expectedStatus);
            assertThat(errorCode()).as("error code in %s", raw.body()).isEqualTo(code);
            assertThat(body.path("error").path("message").asString()).isNotBlank();
            return this;
        }

        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("error").path("details").forEach(d -> fields.add(d.path("field").asString()));
            return fields;
        }
    }

    Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Sends a body as given: a String is sent verbatim (for malformed JSON), anything else as JSON. */
    Response send(String method, String path, Object body, Map<String, String> headers) {
        String payload = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            request.header("content-type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
