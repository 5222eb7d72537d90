package dev.machinemarkets.executor.probing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.secrets.SecretBox;
import dev.machinemarkets.schemas.events.RuntimeEndpointUpserted;
import dev.machinemarkets.schemas.state.RuntimeEndpointState;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Probes every leased runtime endpoint at its probePath, all at once, and records what it found as
 * runtime-endpoint.probed: 2xx is active, another answer degraded, no answer unreachable; lastCheckedAt
 * always moves, lastHealthyAt only on a 2xx. A lock in MongoDB (ShedLock) lets one executor instance
 * probe at a time, however many run.
 */
public class EndpointProber {

    static final String LOCK_NAME = "runtime-endpoint-prober";
    private static final Logger log = LoggerFactory.getLogger(EndpointProber.class);

    private final MongoCollection<Document> endpoints;
    private final MongoCollection<Document> secrets;
    private final SecretBox secretBox;
    private final EventLog eventLog;
    private final LockingTaskExecutor lock;
    private final Clock clock;
    private final Duration interval;
    private final Duration timeout;
    private final HttpClient http;

    public EndpointProber(MongoDatabase database, SecretBox secretBox, EventLog eventLog, LockingTaskExecutor lock, Clock clock,
            Duration interval, Duration timeout) {
        this.endpoints = database.getCollection(Collections.RUNTIME_ENDPOINTS);
        this.secrets = database.getCollection(Collections.ENDPOINT_SECRETS);
        this.secretBox = secretBox;
        this.eventLog = eventLog;
        this.lock = lock;
        this.clock = clock;
        this.interval = interval;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** One round, if no other instance holds the lock; the lock is held at least most of an interval. */
    public void probeOnce() {
        lock.executeWithLock((Runnable) this::probeAll, new LockConfiguration(clock.instant(), LOCK_NAME,
                interval.multipliedBy(10).plus(timeout), interval.dividedBy(2)));
    }

    void probeAll() {
        Instant now = clock.instant();
        List<Document> due = new ArrayList<>();
        for (Document endpoint : endpoints.find(ViewStore.live())) {
            Date lease = endpoint.get("leaseExpiresAt", Date.class);
            if (lease == null || lease.toInstant().isAfter(now)) {
                due.add(endpoint);
            }
        }
        List<CompletableFuture<Void>> probes = due.stream().map(this::probe).toList();
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> probe(Document endpoint) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.getString("endpointBaseUrl") + endpoint.getString("probePath")))
                .timeout(timeout).GET();
        String token = token(endpoint);
        if ("api-key".equals(endpoint.getString("authType")) && token != null) {
            request.header("x-api-key", token);
        } else if ("bearer".equals(endpoint.getString("authType")) && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error != null ? "unreachable"
                        : response.statusCode() >= 200 && response.statusCode() < 300 ? "active" : "degraded")
                .thenAccept(status -> record(endpoint, status));
    }

    private void record(Document endpoint, String status) {
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            RuntimeEndpointState before = AvroDocuments.fromDocument(endpoint, RuntimeEndpointState.class);
            RuntimeEndpointState after = RuntimeEndpointState.newBuilder(before)
                    .setStatus(status)
                    .setLastCheckedAt(now)
                    .setLastHealthyAt("active".equals(status) ? now : before.getLastHealthyAt())
                    .build();
            eventLog.appendForMachine(after.getMachineId(), Events.envelope("runtime-endpoint.probed", Events.ACTOR_SYSTEM,
                    "runtime-endpoint", after.getId(), after.getMachineId(), now, new RuntimeEndpointUpserted(after, false)));
        } catch (RuntimeException e) {
            log.warn("could not record the probe of endpoint {}: {}", endpoint.getString("id"), e.toString());
        }
    }

    private String token(Document endpoint) {
        if ("none".equals(endpoint.getString("authType"))) {
            return null;
        }
        Document secret = secrets.find(Filters.eq("_id", endpoint.getString("_id"))).first();
        return secret == null ? null : secretBox.open(secret.getString("authToken"));
    }
}
