package dev.machinemarkets.executor.runtime;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * POST {base}/v1/chat/completions. The task input's messages are sent as they are (or its prompt as one
 * user message), with the endpoint's modelAlias as model; temperature and max_tokens pass through.
 */
final class OpenAiCompatibleProtocol implements RuntimeProtocol {

    private static final List<String> PASSED_THROUGH = List.of("temperature", "max_tokens", "top_p", "stop");

    @Override
    public HttpRequest.Builder request(RuntimeCall call) {
        Document input = call.input();
        Document body = new Document("model", call.modelAlias() == null ? "default" : call.modelAlias());
        Object messages = input.get("messages");
        body.append("messages", messages != null ? messages
                : List.of(Map.of("role", "user", "content", String.valueOf(input.getOrDefault("prompt", input.toJson())))));
        for (String field : PASSED_THROUGH) {
            if (input.containsKey(field)) {
                body.append(field, input.get(field));
            }
        }
        body.append("stream", false);
        return HttpRequest.newBuilder(URI.create(call.baseUrl() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toJson()));
    }

    @Override
    public String result(String responseBody) {
        return responseBody;
    }
}
