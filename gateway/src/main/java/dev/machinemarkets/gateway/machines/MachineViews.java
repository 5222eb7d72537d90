package dev.machinemarkets.gateway.machines;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.PageRequest;

/** Reads of the machines view. */
@Component
public class MachineViews {

    private final MongoCollection<Document> machines;

    public MachineViews(MongoDatabase database) {
        this.machines = database.getCollection(Collections.MACHINES);
    }

    public Optional<Document> find(String machineId) {
        return ViewStore.findLive(machines, machineId);
    }

    /** Machines in id (creation) order; up to limit + 1 rows so the caller can tell whether a page follows. */
    public List<Document> page(PageRequest page, boolean verifiedOnly) {
        return ViewStore.page(machines, verifiedOnly ? Filters.ne("identityProof", null) : new Document(), page);
    }
}
