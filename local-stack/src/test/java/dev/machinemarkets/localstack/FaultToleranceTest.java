package dev.machinemarkets.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store and then the broker go away while clients keep writing. Every write is either
 * acknowledged (201) or refused with a clear 503 and Retry-After; afterwards every acknowledged
 * write is in the views and in the audit log.
 */
class FaultToleranceTest {

    private static LocalStack stack;
    private static Api api;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.forTests(TestStack.tempDir("mmo-faults-"),
                Map.of("MMO_WRITE_TIMEOUT_MS", 4000), null));
        api = new Api(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheStoreGoesAway() throws Exception {
        assertNothingAcknowledgedIsLost(() -> {
            stack.stopStore();
            sleep(3000);
            stack.startStore();
        });
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheBrokerGoesAway() throws Exception {
        assertNothingAcknowledgedIsLost(() -> {
            stack.stopBroker();
            sleep(6000);
            stack.startBroker();
        });
    }

    private void assertNothingAcknowledgedIsLost(Runnable fault) throws Exception {
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            writers.submit(() -> {
                while (writing.get()) {
                    Api.Response response = api.post("/api/v1/machines", Fixtures.machineBody());
                    if (response.status() == 201) {
                        acknowledged.add(response.item().get("id").asString());
                    } else {
                        refusals.add(response.status() + " " + response.errorCode() + " "
                                + response.raw().headers().firstValue("Retry-After").orElse("-"));
                    }
                }
                return null;
            });
        }
        sleep(1000);
        fault.run();
        sleep(3000);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(acknowledged).isNotEmpty();
        assertThat(refusals).as("writes refused during the fault").isNotEmpty()
                .allSatisfy(refusal -> assertThat(refusal).matches("503 UNAVAILABLE \\d+"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String machineId : acknowledged) {
                api.get("/api/v1/machines/" + machineId).expect(200);
            }
            Set<String> audited = new HashSet<>();
            String cursor = null;
            do {
                Api.Response page = api.get("/api/v1/audit-events?type=machine.created&limit=500"
                        + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
                page.body().get("items").forEach(item -> audited.add(item.get("resourceId").asString()));
                cursor = page.body().has("nextCursor") ? page.body().get("nextCursor").asString() : null;
            } while (cursor != null);
            assertThat(audited).containsAll(acknowledged);
        });
        api.post("/api/v1/machines", Fixtures.machineBody()).expect(201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
