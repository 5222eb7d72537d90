package dev.machinemarkets.gateway.policies;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.PageRequest;

@Component
class PolicyViews {

    private final MongoCollection<Document> policies;

    PolicyViews(MongoDatabase database) {
        this.policies = database.getCollection(Collections.POLICIES);
    }

    Optional<Document> find(String policyId) {
        return ViewStore.findLive(policies, policyId);
    }

    List<Document> page(PageRequest page) {
        return ViewStore.page(policies, new Document(), page);
    }
}
