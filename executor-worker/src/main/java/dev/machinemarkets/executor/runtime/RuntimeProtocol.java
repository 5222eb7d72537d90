package dev.machinemarkets.executor.runtime;

import java.net.http.HttpRequest;

/** How one kind of runtime is asked to do a task, and how its answer is read. */
public interface RuntimeProtocol {

    HttpRequest.Builder request(RuntimeCall call);

    /** The result to keep from a 2xx body. */
    String result(String responseBody);

    /**
     * qvac speaks the OpenAI-compatible API; every other provider the generic invoke contract
     * (docs/RUNTIME.md).
     */
    static RuntimeProtocol of(String providerKey) {
        return "qvac".equals(providerKey) ? new OpenAiCompatibleProtocol() : new GenericInvokeProtocol();
    }
}
