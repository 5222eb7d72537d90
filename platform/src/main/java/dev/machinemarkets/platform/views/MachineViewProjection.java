package dev.machinemarkets.platform.views;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewWrites;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.MachineAgentEnrolled;
import dev.machinemarkets.schemas.events.MachineAgentHeartbeat;
import dev.machinemarkets.schemas.events.MachineAgentRevoked;
import dev.machinemarkets.schemas.events.MachineCreated;
import dev.machinemarkets.schemas.events.MachineUpdated;
import dev.machinemarkets.schemas.events.RuntimeEndpointDeleted;
import dev.machinemarkets.schemas.events.RuntimeEndpointUpserted;
import dev.machinemarkets.schemas.state.MachineAgentState;
import dev.machinemarkets.schemas.state.RuntimeEndpointState;

/** Applies one machine event to the machine, runtime-endpoint and agent views. Idempotent and order-safe. */
public class MachineViewProjection implements ViewProjection {

    private final MongoCollection<Document> machines;
    private final MongoCollection<Document> endpoints;
    private final MongoCollection<Document> agents;

    public MachineViewProjection(MongoDatabase database) {
        this.machines = database.getCollection(Collections.MACHINES);
        this.endpoints = database.getCollection(Collections.RUNTIME_ENDPOINTS);
        this.agents = database.getCollection(Collections.MACHINE_AGENTS);
    }

    public static String endpointKey(String machineId, String providerKey) {
        return machineId + ":" + providerKey;
    }

    @Override
    public void apply(EventEnvelope event, long offset, ViewWrites views) {
        Object payload = event.getPayload();
        if (payload instanceof MachineCreated created) {
            views.applyIfNewer(machines, created.getMachine().getId(), AvroDocuments.toDocument(created.getMachine()), offset);
        } else if (payload instanceof MachineUpdated updated) {
            views.applyIfNewer(machines, updated.getMachine().getId(), AvroDocuments.toDocument(updated.getMachine()), offset);
        } else if (payload instanceof RuntimeEndpointUpserted upserted) {
            RuntimeEndpointState endpoint = upserted.getEndpoint();
            views.applyIfNewer(endpoints, endpointKey(endpoint.getMachineId(), endpoint.getProviderKey()),
                    AvroDocuments.toDocument(endpoint), offset);
        } else if (payload instanceof RuntimeEndpointDeleted deleted) {
            views.deleteIfNewer(endpoints, endpointKey(deleted.getMachineId(), deleted.getProviderKey()), offset);
        } else if (payload instanceof MachineAgentEnrolled enrolled) {
            applyAgent(enrolled.getAgent(), offset, views);
        } else if (payload instanceof MachineAgentHeartbeat heartbeat) {
            applyAgent(heartbeat.getAgent(), offset, views);
        } else if (payload instanceof MachineAgentRevoked revoked) {
            applyAgent(revoked.getAgent(), offset, views);
        }
    }

    private void applyAgent(MachineAgentState agent, long offset, ViewWrites views) {
        views.applyIfNewer(agents, agent.getId(), AvroDocuments.toDocument(agent), offset);
    }
}
