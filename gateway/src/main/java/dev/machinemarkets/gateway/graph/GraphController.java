package dev.machinemarkets.gateway.graph;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.machinemarkets.platform.web.ItemResponse;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/machines/{machineId}/graph")
class GraphController {

    private final GraphService service;

    GraphController(GraphService service) {
        this.service = service;
    }

    record GraphResponse(List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
    }

    @GetMapping
    GraphResponse graph(@PathVariable String machineId) {
        GraphService.Graph graph = service.graph(machineId);
        return new GraphResponse(graph.nodes().stream().map(GraphViews::nodeView).toList(),
                graph.edges().stream().map(GraphViews::edgeView).toList());
    }

    @PostMapping("/nodes")
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse<Map<String, Object>> createNode(@PathVariable String machineId, @Valid @RequestBody GraphRequests.CreateNode request) {
        return new ItemResponse<>(GraphViews.nodeView(service.createNode(machineId, request)));
    }

    @PatchMapping("/nodes/{nodeId}")
    ItemResponse<Map<String, Object>> updateNode(@PathVariable String machineId, @PathVariable String nodeId, @RequestBody JsonNode body) {
        return new ItemResponse<>(GraphViews.nodeView(service.updateNode(machineId, nodeId, body)));
    }

    @DeleteMapping("/nodes/{nodeId}")
    ResponseEntity<Void> deleteNode(@PathVariable String machineId, @PathVariable String nodeId) {
        service.deleteNode(machineId, nodeId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/edges")
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse<Map<String, Object>> createEdge(@PathVariable String machineId, @Valid @RequestBody GraphRequests.CreateEdge request) {
        return new ItemResponse<>(GraphViews.edgeView(service.createEdge(machineId, request)));
    }

    @PatchMapping("/edges/{edgeId}")
    ItemResponse<Map<String, Object>> updateEdge(@PathVariable String machineId, @PathVariable String edgeId, @RequestBody JsonNode body) {
        return new ItemResponse<>(GraphViews.edgeView(service.updateEdge(machineId, edgeId, body)));
    }

    @DeleteMapping("/edges/{edgeId}")
    ResponseEntity<Void> deleteEdge(@PathVariable String machineId, @PathVariable String edgeId) {
        service.deleteEdge(machineId, edgeId);
        return ResponseEntity.noContent().build();
    }
}
