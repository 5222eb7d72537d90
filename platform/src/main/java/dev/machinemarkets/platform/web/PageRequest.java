package dev.machinemarkets.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * limit (1..500, default 100) and an opaque cursor. The cursor wraps the sort key of the last
 * item of the previous page; clients must not build it themselves.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    private static final String CURSOR_PREFIX = "v1:";

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), decodeCursor(cursor));
    }

    private static int parseLimit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX) && decoded.length() > CURSOR_PREFIX.length()) {
                return decoded.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error below
        }
        throw ApiException.invalid("cursor", "is not a cursor this API returned");
    }

    public static String encodeCursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Turns up to limit + 1 fetched rows into a page: the extra row only tells that there is a next page.
     */
    public <D, T> ListResponse<T> page(List<D> fetched, Function<D, String> sortKey, Function<D, T> view) {
        boolean more = fetched.size() > limit;
        List<D> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? encodeCursor(sortKey.apply(rows.get(rows.size() - 1))) : null;
        return new ListResponse<>(rows.stream().map(view).toList(), next);
    }
}
