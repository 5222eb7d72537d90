package dev.machinemarkets.executor.runtime;

import java.net.URI;
import java.net.http.HttpRequest;

import org.bson.Document;

/**
 * The generic invoke contract: POST {base}/invoke with {taskId, serviceId, skillKey, operation, input};
 * a 2xx answer's JSON body is the result.
 */
final class GenericInvokeProtocol implements RuntimeProtocol {

    @Override
    public HttpRequest.Builder request(RuntimeCall call) {
        Document body = new Document("taskId", call.taskId())
                .append("serviceId", call.serviceId())
                .append("skillKey", call.skillKey())
                .append("operation", call.operation())
                .append("input", call.input());
        return HttpRequest.newBuilder(URI.create(call.baseUrl() + "/invoke"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toJson()));
    }

    @Override
    public String result(String responseBody) {
        return responseBody == null || responseBody.isBlank() ? "{}" : responseBody;
    }
}
