package dev.machinemarkets.platform.web;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose JSON form is its name in lower case with hyphens (API_KEY is "api-key"), as the API
 * documents its values. Jackson reads and writes the wire form.
 */
public interface WireEnum {

    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "a, b, c": the accepted values, for error messages. */
    static String values(Class<?> enumType) {
        return Stream.of(enumType.getEnumConstants())
                .map(constant -> constant instanceof WireEnum wire ? wire.wire() : constant.toString())
                .collect(Collectors.joining(", "));
    }
}
