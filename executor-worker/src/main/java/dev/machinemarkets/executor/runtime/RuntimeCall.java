package dev.machinemarkets.executor.runtime;

import org.bson.Document;

/** One call to a runtime endpoint: where, with which credentials, and what to send. */
public record RuntimeCall(
        String endpointId,
        String providerKey,
        String baseUrl,
        String authType,
        String authToken,
        String modelAlias,
        String operation,
        String taskId,
        String serviceId,
        String skillKey,
        Document input,
        String idempotencyKey) {
}
