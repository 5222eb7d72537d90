package dev.machinemarkets.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.bson.Document;

/** The gateway's HTTP API as a client calls it. */
final class Api {

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;

    /** apiKey: the platform key sent in x-api-key, for a gateway that requires one; null for none. */
    Api(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    record Reply(int status, Document body) {
    }

    CompletableFuture<Reply> sendAsync(String method, String path, Document body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toJson()));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> new Reply(response.statusCode(),
                response.body() == null || !response.body().startsWith("{") ? new Document() : Document.parse(response.body())));
    }

    Reply send(String method, String path, Document body) {
        Reply reply = sendAsync(method, path, body).join();
        if (reply.status() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + reply.status() + ": " + reply.body().toJson());
        }
        return reply;
    }

    String createMachine(String name) {
        byte[] random = new byte[20];
        new java.security.SecureRandom().nextBytes(random);
        Document body = new Document("displayName", name).append("identityRef", "did:peaq:0x" + java.util.HexFormat.of().formatHex(random))
                .append("capabilities", java.util.List.of("gpu"));
        return send("POST", "/api/v1/machines", body).body().get("item", Document.class).getString("id");
    }
}
