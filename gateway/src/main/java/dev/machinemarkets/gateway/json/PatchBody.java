package dev.machinemarkets.gateway.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.platform.web.WireEnum;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON merge-patch body field by field, telling an absent field (keep) from an explicit
 * null (clear), and collecting every problem with its field name before failing.
 */
public final class PatchBody {

    private final ObjectNode body;
    private final List<FieldIssue> issues = new ArrayList<>();

    private PatchBody(ObjectNode body) {
        this.body = body;
    }

    public static PatchBody of(JsonNode body, Set<String> knownFields) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        PatchBody patch = new PatchBody((ObjectNode) body);
        for (String name : body.propertyNames()) {
            if (!knownFields.contains(name)) {
                patch.issues.add(new FieldIssue(name, "is not a known field"));
            }
        }
        return patch;
    }

    public boolean has(String field) {
        return body.has(field);
    }

    /** Absent: empty. Present: the value, which is null for an explicit null. */
    public Optional<Optional<String>> nullableString(String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!node.isString()) {
            issues.add(new FieldIssue(field, "must be a string or null"));
            return Optional.empty();
        }
        return Optional.of(Optional.of(node.asString()));
    }

    public Optional<String> requiredString(String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode node = body.get(field);
        if (!node.isString() || node.asString().isBlank()) {
            issues.add(new FieldIssue(field, "must be a non-blank string"));
            return Optional.empty();
        }
        return Optional.of(node.asString());
    }

    public Optional<List<String>> stringList(String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode node = body.get(field);
        if (!node.isArray()) {
            issues.add(new FieldIssue(field, "must be an array of strings"));
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || item.asString().isBlank()) {
                issues.add(new FieldIssue(field + "[" + i + "]", "must be a non-blank string"));
            } else {
                values.add(item.asString());
            }
        }
        return Optional.of(values);
    }

    public Optional<Map<String, String>> stringMap(String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode node = body.get(field);
        if (!node.isObject()) {
            issues.add(new FieldIssue(field, "must be an object of strings"));
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isString()) {
                issues.add(new FieldIssue(field + "." + entry.getKey(), "must be a string"));
            } else {
                values.put(entry.getKey(), entry.getValue().asString());
            }
        }
        return Optional.of(values);
    }

    /** A JSON object field; null is not an object. */
    public Optional<ObjectNode> object(String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode node = body.get(field);
        if (!node.isObject()) {
            issues.add(new FieldIssue(field, "must be an object"));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) node);
    }

    public Optional<Boolean> bool(String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode node = body.get(field);
        if (!node.isBoolean()) {
            issues.add(new FieldIssue(field, "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(node.asBoolean());
    }

    public <E extends Enum<E> & WireEnum> Optional<E> wireEnum(String field, Class<E> type) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode node = body.get(field);
        for (E constant : type.getEnumConstants()) {
            if (node.isString() && constant.wire().equals(node.asString())) {
                return Optional.of(constant);
            }
        }
        issues.add(new FieldIssue(field, "must be one of " + WireEnum.values(type)));
        return Optional.empty();
    }

    public void addIssue(String field, String issue) {
        issues.add(new FieldIssue(field, issue));
    }

    /** Fails with every collected issue, if there is any. */
    public void validate() {
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
    }
}
