package dev.machinemarkets.executor.runtime;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * Calls runtime endpoints through resilience4j, one set per endpoint: a bulkhead around a retry around
 * a circuit breaker around a time limit. Only failures that may pass retry (the endpoint unreachable,
 * 429 and 5xx answers), with exponential back-off and jitter; a time-out is not retried, a 4xx answer
 * neither, and a 4xx does not count against the breaker.
 */
public class RuntimeClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final TimeLimiterRegistry timeLimiters;
    private final BulkheadRegistry bulkheads;

    public RuntimeClient(ResilienceSettings settings) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(settings.breakerHalfOpenCalls())
                .ignoreExceptions(ClientError.class)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), 2.0, 0.5))
                .retryOnException(e -> e instanceof IOException || e instanceof ServerError)
                .build());
        this.timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(settings.bulkheadMaxConcurrent())
                .maxWaitDuration(Duration.ZERO).build());
    }

    public CircuitBreaker.State breakerState(String endpointId) {
        return breakers.circuitBreaker(endpointId).getState();
    }

    public RuntimeResult invoke(RuntimeCall call) {
        RuntimeProtocol protocol = RuntimeProtocol.of(call.providerKey());
        CircuitBreaker breaker = breakers.circuitBreaker(call.endpointId());
        TimeLimiter timeLimiter = timeLimiters.timeLimiter(call.endpointId());
        Retry retry = retries.retry(call.endpointId());
        Bulkhead bulkhead = bulkheads.bulkhead(call.endpointId());
        Callable<String> attempt = () -> breaker.executeCallable(() -> unwrap(() -> timeLimiter.executeFutureSupplier(() -> send(protocol, call))));
        try {
            return new RuntimeResult.Success(bulkhead.executeCallable(Retry.decorateCallable(retry, attempt)));
        } catch (CallNotPermittedException e) {
            return new RuntimeResult.Failure(RuntimeResult.Kind.UNAVAILABLE, "the circuit breaker of endpoint " + call.endpointId() + " is open");
        } catch (BulkheadFullException e) {
            return new RuntimeResult.Failure(RuntimeResult.Kind.UNAVAILABLE, "endpoint " + call.endpointId() + " is at its concurrency limit");
        } catch (TimeoutException e) {
            return new RuntimeResult.Failure(RuntimeResult.Kind.TIMEOUT, "endpoint " + call.endpointId() + " did not answer in time");
        } catch (IOException e) {
            return new RuntimeResult.Failure(RuntimeResult.Kind.UNAVAILABLE, "endpoint " + call.endpointId() + " could not be reached: " + e);
        } catch (ServerError | ClientError e) {
            return new RuntimeResult.Failure(RuntimeResult.Kind.ERROR, e.getMessage());
        } catch (Exception e) {
            return new RuntimeResult.Failure(RuntimeResult.Kind.ERROR, "the call to endpoint " + call.endpointId() + " failed: " + e);
        }
    }

    private CompletableFuture<String> send(RuntimeProtocol protocol, RuntimeCall call) {
        var request = protocol.request(call).header("Idempotency-Key", call.idempotencyKey());
        if ("api-key".equals(call.authType()) && call.authToken() != null) {
            request.header("x-api-key", call.authToken());
        } else if ("bearer".equals(call.authType()) && call.authToken() != null) {
            request.header("Authorization", "Bearer " + call.authToken());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return protocol.result(response.body());
            }
            String message = "endpoint " + call.endpointId() + " answered " + status + ": " + abbreviate(response.body());
            throw status == 429 || status >= 500 ? new ServerError(message) : new ClientError(message);
        });
    }

    /** The time limiter reports a failed future as ExecutionException or CompletionException; the cause is what happened. */
    private static String unwrap(Callable<String> call) throws Exception {
        try {
            return call.call();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof Exception exception ? exception : e;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** A 429 or 5xx answer: worth retrying, and a sign the endpoint is unwell. */
    static final class ServerError extends RuntimeException {
        ServerError(String message) {
            super(message, null, false, false);
        }
    }

    /** A 4xx answer: the request was refused; retrying would not help, and the endpoint is not unwell. */
    static final class ClientError extends RuntimeException {
        ClientError(String message) {
            super(message, null, false, false);
        }
    }
}
