package dev.machinemarkets.gateway.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewStore;

/** Reads of the graph views. A node or edge of another machine is not found. */
@Component
class GraphViews {

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> edges;

    GraphViews(MongoDatabase database) {
        this.nodes = database.getCollection(Collections.GRAPH_NODES);
        this.edges = database.getCollection(Collections.GRAPH_EDGES);
        nodes.createIndex(Indexes.ascending("machineId"));
        edges.createIndex(Indexes.ascending("machineId"));
    }

    Optional<Document> node(String machineId, String nodeId) {
        return find(nodes, machineId, nodeId);
    }

    Optional<Document> edge(String machineId, String edgeId) {
        return find(edges, machineId, edgeId);
    }

    List<Document> nodes(String machineId) {
        return nodes.find(Filters.and(Filters.eq("machineId", machineId), ViewStore.live())).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    List<Document> edges(String machineId) {
        return edges.find(Filters.and(Filters.eq("machineId", machineId), ViewStore.live())).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    List<Document> edgesTouching(String machineId, String nodeId) {
        return edges.find(Filters.and(Filters.eq("machineId", machineId), ViewStore.live(),
                Filters.or(Filters.eq("sourceNodeId", nodeId), Filters.eq("targetNodeId", nodeId))))
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    static Map<String, Object> nodeView(Document node) {
        return AvroDocuments.toView(node);
    }

    /** label is optional in GraphEdgeRecord: left out rather than null when unset. */
    static Map<String, Object> edgeView(Document edge) {
        Map<String, Object> view = AvroDocuments.toView(edge);
        if (view.get("label") == null) {
            view.remove("label");
        }
        return view;
    }

    private static Optional<Document> find(MongoCollection<Document> collection, String machineId, String id) {
        return ViewStore.findLive(collection, id, "machineId", machineId);
    }
}
