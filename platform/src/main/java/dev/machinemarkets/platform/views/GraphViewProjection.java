package dev.machinemarkets.platform.views;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.mongo.Collections;
import dev.machinemarkets.platform.mongo.ViewWrites;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.GraphEdgeCreated;
import dev.machinemarkets.schemas.events.GraphEdgeDeleted;
import dev.machinemarkets.schemas.events.GraphEdgeUpdated;
import dev.machinemarkets.schemas.events.GraphNodeCreated;
import dev.machinemarkets.schemas.events.GraphNodeDeleted;
import dev.machinemarkets.schemas.events.GraphNodeUpdated;

/** Applies graph events to the node and edge views. */
public class GraphViewProjection implements ViewProjection {

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> edges;

    public GraphViewProjection(MongoDatabase database) {
        this.nodes = database.getCollection(Collections.GRAPH_NODES);
        this.edges = database.getCollection(Collections.GRAPH_EDGES);
    }

    @Override
    public void apply(EventEnvelope event, long offset, ViewWrites views) {
        Object payload = event.getPayload();
        if (payload instanceof GraphNodeCreated created) {
            views.applyIfNewer(nodes, created.getNode().getId(), AvroDocuments.toDocument(created.getNode()), offset);
        } else if (payload instanceof GraphNodeUpdated updated) {
            views.applyIfNewer(nodes, updated.getNode().getId(), AvroDocuments.toDocument(updated.getNode()), offset);
        } else if (payload instanceof GraphNodeDeleted deleted) {
            views.deleteIfNewer(nodes, deleted.getNodeId(), offset);
        } else if (payload instanceof GraphEdgeCreated created) {
            views.applyIfNewer(edges, created.getEdge().getId(), AvroDocuments.toDocument(created.getEdge()), offset);
        } else if (payload instanceof GraphEdgeUpdated updated) {
            views.applyIfNewer(edges, updated.getEdge().getId(), AvroDocuments.toDocument(updated.getEdge()), offset);
        } else if (payload instanceof GraphEdgeDeleted deleted) {
            views.deleteIfNewer(edges, deleted.getEdgeId(), offset);
        }
    }
}
