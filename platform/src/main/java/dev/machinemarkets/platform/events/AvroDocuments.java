package dev.machinemarkets.platform.events;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;

import dev.machinemarkets.schemas.AvroTrust;

/**
 * Moves event state between its Avro form, its MongoDB document and its JSON view: the view
 * documents have the field names of the API, so one generic mapping serves every resource.
 */
public final class AvroDocuments {

    static {
        AvroTrust.install();
    }

    private AvroDocuments() {
    }

    /** Marks a string field that holds a JSON object (Avro has no type for free-form data). */
    public static final String JSON_CONTENT = "application/json";

    /**
     * An Avro record as a document: timestamps become BSON dates, nested records become documents, and
     * string fields marked {@code "contentType": "application/json"} become the objects they hold.
     */
    public static Document toDocument(IndexedRecord record) {
        Document document = new Document();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            document.append(field.name(), isJson(field) && value != null ? Document.parse(value.toString()) : toBson(value));
        }
        return document;
    }

    private static boolean isJson(Schema.Field field) {
        return JSON_CONTENT.equals(field.getProp("contentType"));
    }

    private static Object toBson(Object value) {
        if (value instanceof IndexedRecord record) {
            return toDocument(record);
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(toBson(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Document out = new Document();
            map.forEach((k, v) -> out.append(k.toString(), toBson(v)));
            return out;
        }
        if (value instanceof ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            return copy;
        }
        if (value instanceof Enum<?> || value instanceof org.apache.avro.generic.GenericEnumSymbol<?>) {
            return value.toString();
        }
        return value;
    }

    /** The reverse of {@link #toDocument}: a stored view document back into its generated Avro class. */
    public static <T extends SpecificRecord> T fromDocument(Document document, Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return type.cast(fromBson(document, schema));
    }

    private static Object fromBson(Object value, Schema schema) {
        switch (schema.getType()) {
            case UNION -> {
                if (value == null) {
                    return null;
                }
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        return fromBson(value, branch);
                    }
                }
                return null;
            }
            case RECORD -> {
                Document document = (Document) value;
                SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    Object fieldValue = document.get(field.name());
                    if (isJson(field) && fieldValue instanceof Document json) {
                        record.put(field.pos(), json.toJson());
                        continue;
                    }
                    record.put(field.pos(), fieldValue == null && field.hasDefaultValue() && field.schema().getType() != Schema.Type.UNION
                            ? SpecificData.get().getDefaultValue(field)
                            : fromBson(fieldValue, field.schema()));
                }
                return record;
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    out.add(fromBson(item, schema.getElementType()));
                }
                return out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Document) value).forEach((k, v) -> out.put(k, fromBson(v, schema.getValueType())));
                return out;
            }
            case LONG -> {
                return value instanceof Date date ? date.toInstant() : ((Number) value).longValue();
            }
            case DOUBLE -> {
                return ((Number) value).doubleValue();
            }
            case INT -> {
                return ((Number) value).intValue();
            }
            default -> {
                return value;
            }
        }
    }

    /**
     * A stored document as the API shows it: internal fields (those starting with an underscore) are
     * dropped and dates become ISO 8601 UTC strings.
     */
    public static Map<String, Object> toView(Document document) {
        Map<String, Object> view = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (!key.startsWith("_")) {
                view.put(key, toJson(value));
            }
        });
        return view;
    }

    private static Object toJson(Object value) {
        if (value instanceof Document nested) {
            return toView(nested);
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(toJson(item)));
            return out;
        }
        return value;
    }
}
