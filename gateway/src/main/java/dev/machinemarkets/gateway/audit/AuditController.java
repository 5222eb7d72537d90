package dev.machinemarkets.gateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.web.ListResponse;
import dev.machinemarkets.platform.web.PageRequest;

/** GET /audit-events: the audit sink's log, newest first. Event ids are time-ordered, so id order is time order. */
@RestController
class AuditController {

    private final MongoCollection<Document> audit;

    AuditController(MongoDatabase database) {
        this.audit = database.getCollection(Collections.AUDIT_EVENTS);
    }

    @GetMapping("/api/v1/audit-events")
    ListResponse<Map<String, Object>> list(@RequestParam(required = false) String type,
            @RequestParam(required = false) String resourceType, @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) String machineId,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<Bson> filters = new ArrayList<>();
        addIfPresent(filters, "type", type);
        addIfPresent(filters, "resourceType", resourceType);
        addIfPresent(filters, "resourceId", resourceId);
        addIfPresent(filters, "machineId", machineId);
        if (page.after() != null) {
            filters.add(Filters.lt("_id", page.after()));
        }
        List<Document> rows = audit.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("_id")).limit(page.limit() + 1).into(new ArrayList<>());
        return page.page(rows, d -> d.getString("_id"), AvroDocuments::toView);
    }

    private static void addIfPresent(List<Bson> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Filters.eq(field, value));
        }
    }
}
