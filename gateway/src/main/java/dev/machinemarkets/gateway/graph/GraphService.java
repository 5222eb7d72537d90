package dev.machinemarkets.gateway.graph;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Service;

import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.gateway.json.Changes;
import dev.machinemarkets.gateway.json.PatchBody;
import dev.machinemarkets.gateway.machines.MachineGate;
import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.ids.Ids;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.GraphEdgeCreated;
import dev.machinemarkets.schemas.events.GraphEdgeDeleted;
import dev.machinemarkets.schemas.events.GraphEdgeUpdated;
import dev.machinemarkets.schemas.events.GraphNodeCreated;
import dev.machinemarkets.schemas.events.GraphNodeDeleted;
import dev.machinemarkets.schemas.events.GraphNodeUpdated;
import dev.machinemarkets.schemas.state.GraphEdgeState;
import dev.machinemarkets.schemas.state.GraphNodeState;
import dev.machinemarkets.schemas.state.Position;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Changes a machine's graph; every change is an event on the machine's partition. */
@Service
class GraphService {

    static final String NODE = "graph-node";
    static final String EDGE = "graph-edge";
    static final int MAX_DATA_CHARS = 65_536;
    private static final Set<String> NODE_FIELDS = Set.of("type", "title", "refId", "position", "data", "status");
    private static final Set<String> EDGE_FIELDS = Set.of("sourceNodeId", "targetNodeId", "type", "label", "data");

    private final MachineGate gate;
    private final GraphViews views;
    private final EventLog eventLog;
    private final Clock clock;

    GraphService(MachineGate gate, GraphViews views, EventLog eventLog, Clock clock) {
        this.gate = gate;
        this.views = views;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    record Graph(List<Document> nodes, List<Document> edges) {
    }

    Graph graph(String machineId) {
        gate.require(machineId);
        return new Graph(views.nodes(machineId), views.edges(machineId));
    }

    Document createNode(String machineId, GraphRequests.CreateNode request) {
        gate.require(machineId);
        Instant now = now();
        String nodeId = Ids.newId("node", now);
        GraphRequests.Position position = request.position();
        GraphNodeState node = GraphNodeState.newBuilder()
                .setId(nodeId)
                .setMachineId(machineId)
                .setType(request.type().wire())
                .setRefId(request.refId())
                .setTitle(request.title().trim())
                .setStatus(NodeStatus.DRAFT.wire())
                .setPosition(new Position(position == null || position.x() == null ? 0.0 : position.x(),
                        position == null || position.y() == null ? 0.0 : position.y()))
                .setData(json(request.data() == null ? new Document() : new Document(request.data()), "data"))
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
        eventLog.appendForMachine(machineId, Events.envelope("graph.node.created", Events.ACTOR_API, NODE, nodeId, machineId, now,
                new GraphNodeCreated(node)));
        return views.node(machineId, nodeId).orElseThrow();
    }

    Document updateNode(String machineId, String nodeId, JsonNode body) {
        gate.require(machineId);
        Document current = node(machineId, nodeId);
        PatchBody patch = PatchBody.of(body, NODE_FIELDS);
        GraphNodeState before = AvroDocuments.fromDocument(current, GraphNodeState.class);
        GraphNodeState.Builder next = GraphNodeState.newBuilder(before);
        Changes changed = new Changes();
        patch.wireEnum("type", NodeType.class).ifPresent(type -> changed.set("type", before.getType(), type.wire(), next::setType));
        patch.requiredString("title").ifPresent(title -> changed.set("title", before.getTitle(), title.trim(), next::setTitle));
        patch.nullableString("refId").ifPresent(refId -> changed.set("refId", before.getRefId(), refId.orElse(null), next::setRefId));
        patch.wireEnum("status", NodeStatus.class).ifPresent(status -> changed.set("status", before.getStatus(), status.wire(), next::setStatus));
        patch.object("position").ifPresent(position -> {
            Position merged = new Position(coordinate(patch, position, "x", before.getPosition().getX()),
                    coordinate(patch, position, "y", before.getPosition().getY()));
            changed.set("position", before.getPosition(), merged, next::setPosition);
        });
        patch.object("data").ifPresent(data -> changed.set("data", before.getData(), mergedData(before.getData(), data), next::setData));
        patch.validate();
        if (changed.isEmpty()) {
            return current;
        }
        Instant now = now();
        GraphNodeState node = next.setUpdatedAt(now).build();
        eventLog.appendForMachine(machineId, Events.envelope("graph.node.updated", Events.ACTOR_API, NODE, nodeId, machineId, now,
                new GraphNodeUpdated(node, changed.fields())));
        return views.node(machineId, nodeId).orElseThrow();
    }

    /** Removes the node and every edge that touches it, each with its own event, in one ordered batch. */
    void deleteNode(String machineId, String nodeId) {
        gate.require(machineId);
        node(machineId, nodeId);
        Instant now = now();
        List<EventEnvelope> events = new ArrayList<>();
        for (Document edge : views.edgesTouching(machineId, nodeId)) {
            String edgeId = edge.getString("id");
            events.add(Events.envelope("graph.edge.deleted", Events.ACTOR_API, EDGE, edgeId, machineId, now,
                    new GraphEdgeDeleted(edgeId, machineId)));
        }
        events.add(Events.envelope("graph.node.deleted", Events.ACTOR_API, NODE, nodeId, machineId, now,
                new GraphNodeDeleted(nodeId, machineId)));
        eventLog.appendForMachine(machineId, events);
    }

    Document createEdge(String machineId, GraphRequests.CreateEdge request) {
        gate.require(machineId);
        requireNodes(machineId, Map.of("sourceNodeId", request.sourceNodeId(), "targetNodeId", request.targetNodeId()));
        Instant now = now();
        String edgeId = Ids.newId("edge", now);
        GraphEdgeState edge = GraphEdgeState.newBuilder()
                .setId(edgeId)
                .setMachineId(machineId)
                .setSourceNodeId(request.sourceNodeId())
                .setTargetNodeId(request.targetNodeId())
                .setType(request.type().wire())
                .setLabel(request.label())
                .setData(json(request.data() == null ? new Document() : new Document(request.data()), "data"))
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
        eventLog.appendForMachine(machineId, Events.envelope("graph.edge.created", Events.ACTOR_API, EDGE, edgeId, machineId, now,
                new GraphEdgeCreated(edge)));
        return views.edge(machineId, edgeId).orElseThrow();
    }

    Document updateEdge(String machineId, String edgeId, JsonNode body) {
        gate.require(machineId);
        Document current = edge(machineId, edgeId);
        PatchBody patch = PatchBody.of(body, EDGE_FIELDS);
        GraphEdgeState before = AvroDocuments.fromDocument(current, GraphEdgeState.class);
        GraphEdgeState.Builder next = GraphEdgeState.newBuilder(before);
        Changes changed = new Changes();
        patch.requiredString("sourceNodeId").ifPresent(id -> changed.set("sourceNodeId", before.getSourceNodeId(), id, next::setSourceNodeId));
        patch.requiredString("targetNodeId").ifPresent(id -> changed.set("targetNodeId", before.getTargetNodeId(), id, next::setTargetNodeId));
        patch.wireEnum("type", EdgeType.class).ifPresent(type -> changed.set("type", before.getType(), type.wire(), next::setType));
        patch.nullableString("label").ifPresent(label -> changed.set("label", before.getLabel(), label.orElse(null), next::setLabel));
        patch.object("data").ifPresent(data -> changed.set("data", before.getData(), mergedData(before.getData(), data), next::setData));
        patch.validate();
        if (changed.contains("sourceNodeId") || changed.contains("targetNodeId")) {
            requireNodes(machineId, Map.of("sourceNodeId", next.getSourceNodeId(), "targetNodeId", next.getTargetNodeId()));
        }
        if (changed.isEmpty()) {
            return current;
        }
        Instant now = now();
        GraphEdgeState edge = next.setUpdatedAt(now).build();
        eventLog.appendForMachine(machineId, Events.envelope("graph.edge.updated", Events.ACTOR_API, EDGE, edgeId, machineId, now,
                new GraphEdgeUpdated(edge, changed.fields())));
        return views.edge(machineId, edgeId).orElseThrow();
    }

    void deleteEdge(String machineId, String edgeId) {
        gate.require(machineId);
        edge(machineId, edgeId);
        Instant now = now();
        eventLog.appendForMachine(machineId, Events.envelope("graph.edge.deleted", Events.ACTOR_API, EDGE, edgeId, machineId, now,
                new GraphEdgeDeleted(edgeId, machineId)));
    }

    private void requireNodes(String machineId, Map<String, String> nodeIdsByField) {
        List<FieldIssue> issues = new ArrayList<>();
        nodeIdsByField.forEach((field, nodeId) -> {
            if (views.node(machineId, nodeId).isEmpty()) {
                issues.add(new FieldIssue(field, "node " + nodeId + " is not a node of machine " + machineId));
            }
        });
        if (!issues.isEmpty()) {
            issues.sort((a, b) -> a.field().compareTo(b.field()));
            throw ApiException.invalid(issues);
        }
    }

    private Document node(String machineId, String nodeId) {
        return views.node(machineId, nodeId).orElseThrow(() -> ApiException.notFound("graph node", nodeId + " of machine " + machineId));
    }

    private Document edge(String machineId, String edgeId) {
        return views.edge(machineId, edgeId).orElseThrow(() -> ApiException.notFound("graph edge", edgeId + " of machine " + machineId));
    }

    private static double coordinate(PatchBody patch, ObjectNode position, String axis, double current) {
        if (!position.has(axis)) {
            return current;
        }
        JsonNode value = position.get(axis);
        if (!value.isNumber()) {
            patch.addIssue("position." + axis, "must be a number");
            return current;
        }
        return value.asDouble();
    }

    /** Shallow merge: the patch's top-level keys replace the stored ones, the other keys stay. */
    private static String mergedData(String stored, ObjectNode patch) {
        Document merged = Document.parse(stored);
        merged.putAll(Document.parse(patch.toString()));
        return json(merged, "data");
    }

    private static String json(Document data, String field) {
        String json = data.toJson();
        if (json.length() > MAX_DATA_CHARS) {
            throw ApiException.invalid(field, "must be at most " + MAX_DATA_CHARS + " characters of JSON");
        }
        return json;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
