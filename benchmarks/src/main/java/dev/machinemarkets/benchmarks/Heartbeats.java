package dev.machinemarkets.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;

/** H: heartbeats per second from many enrolled agents with one endpoint each; W: a no-op GET on the same gateway. */
final class Heartbeats {

    private record Agent(String machineId, String agentId, String token, String providerKey) {
    }

    private final Api api;
    private final String gateway;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    /** Enrols agents on machines of agentsPerMachine each; each agent may serve its own provider key. */
    Heartbeats(Api api, String gateway, int agents, int agentsPerMachine) {
        this.api = api;
        this.gateway = gateway;
        List<Agent> enrolled = new ArrayList<>();
        for (int m = 0; m < agents / agentsPerMachine; m++) {
            String machineId = api.createMachine("heartbeat machine " + m);
            List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
            for (int a = 0; a < agentsPerMachine; a++) {
                replies.add(api.sendAsync("POST", "/api/v1/machines/" + machineId + "/agents/enrollment",
                        new Document("allowedProviderKeys", List.of("rt-" + a))));
            }
            for (int a = 0; a < agentsPerMachine; a++) {
                Document item = replies.get(a).join().body().get("item", Document.class);
                enrolled.add(new Agent(machineId, item.getString("id"), item.getString("agentToken"), "rt-" + a));
            }
        }
        for (Agent agent : enrolled) {
            bodies.add(new Document("machineId", agent.machineId()).append("agentId", agent.agentId()).append("leaseSeconds", 300)
                    .append("endpoints", List.of(new Document("providerKey", agent.providerKey()).append("endpointBaseUrl", "http://127.0.0.1:9")))
                    .toJson());
            tokens.add(agent.token());
        }
    }

    Measurement heartbeats(ProcessMeter stack, int clients, Duration duration) throws InterruptedException {
        String url = gateway + "/api/v1/machine-agents/heartbeat";
        return ClosedLoop.run(stack, clients, duration, i -> ClosedLoop.postJson(url, bodies.get(i % bodies.size()), tokens.get(i % tokens.size())))
                .with("agents", bodies.size());
    }

    Measurement noop(ProcessMeter stack, int clients, Duration duration) throws InterruptedException {
        String url = gateway + "/health/live";
        return ClosedLoop.run(stack, clients, duration, i -> ClosedLoop.get(url));
    }
}
