package dev.machinemarkets.gateway.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The fields a patch really changes: a field set to the value it already had is not a change. */
public final class Changes {

    private final List<String> fields = new ArrayList<>();

    public <T> void set(String field, Object before, T after, Consumer<? super T> setter) {
        if (!Objects.equals(before, after)) {
            fields.add(field);
        }
        setter.accept(after);
    }

    public boolean contains(String field) {
        return fields.contains(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public List<String> fields() {
        return List.copyOf(fields);
    }
}
