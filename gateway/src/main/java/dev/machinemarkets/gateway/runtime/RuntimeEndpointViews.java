package dev.machinemarkets.gateway.runtime;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.views.MachineViewProjection;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.PageRequest;

/** Reads of the runtime-endpoints view, and how one is shown. */
@Component
public class RuntimeEndpointViews {

    private final MongoCollection<Document> endpoints;
    private final Clock clock;

    public RuntimeEndpointViews(MongoDatabase database, Clock clock) {
        this.endpoints = database.getCollection(Collections.RUNTIME_ENDPOINTS);
        this.clock = clock;
    }

    public Optional<Document> find(String machineId, String providerKey) {
        return ViewStore.findLive(endpoints, MachineViewProjection.endpointKey(machineId, providerKey));
    }

    public List<Document> page(String machineId, PageRequest page) {
        return ViewStore.page(endpoints, Filters.eq("machineId", machineId), page);
    }

    /**
     * The API view. An endpoint whose lease has run out is shown as unreachable whatever its last
     * report said: it must never be taken for live.
     */
    public Map<String, Object> toView(Document endpoint) {
        Map<String, Object> view = AvroDocuments.toView(endpoint);
        if (LeaseRules.expired(endpoint.get("leaseExpiresAt", Date.class), clock.instant())) {
            view.put("status", EndpointStatus.UNREACHABLE.wire());
        }
        return view;
    }
}
