package dev.machinemarkets.gateway.graph;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the graph's create calls; updates are merge patches read field by field. */
final class GraphRequests {

    private GraphRequests() {
    }

    record Position(Double x, Double y) {
    }

    record CreateNode(
            @NotNull(message = "is required") NodeType type,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
            @Size(max = 200, message = "must be at most 200 characters") String refId,
            @Valid Position position,
            Map<String, Object> data) {
    }

    record CreateEdge(
            @NotBlank(message = "is required") String sourceNodeId,
            @NotBlank(message = "is required") String targetNodeId,
            @NotNull(message = "is required") EdgeType type,
            @Size(max = 200, message = "must be at most 200 characters") String label,
            Map<String, Object> data) {
    }
}
