package dev.machinemarkets.gateway.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;
import dev.machinemarkets.platform.web.PageRequest;

/** Reads of the skill registry and the service catalogue. */
@Component
public class CatalogueViews {

    private final MongoCollection<Document> skills;
    private final MongoCollection<Document> services;

    public CatalogueViews(MongoDatabase database) {
        this.skills = database.getCollection(Collections.SKILLS);
        this.services = database.getCollection(Collections.SERVICES);
    }

    public Optional<Document> skill(String key) {
        return ViewStore.findLive(skills, key);
    }

    List<Document> skills(PageRequest page) {
        return ViewStore.page(skills, new Document(), page);
    }

    Optional<Document> service(String serviceId) {
        return ViewStore.findLive(services, serviceId);
    }

    /** Services matching every given filter (each one exact; operations and capabilities are not filters here). */
    List<Document> services(Map<String, String> filters, PageRequest page) {
        List<Bson> conditions = new ArrayList<>();
        filters.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                conditions.add(Filters.eq(field, value));
            }
        });
        return ViewStore.page(services, conditions.isEmpty() ? new Document() : Filters.and(conditions), page);
    }
}
