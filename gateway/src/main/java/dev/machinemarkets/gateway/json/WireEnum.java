package dev.machinemarkets.gateway.json;

/** An enum whose JSON form is a lower-case or hyphenated word, as the API documents it. */
public interface WireEnum {

    String wire();

    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw dev.machinemarkets.platform.web.ApiException.invalid(field, "must be one of " + values(type));
    }

    static <E extends Enum<E> & WireEnum> String values(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(constant.wire());
        }
        return out.toString();
    }
}
