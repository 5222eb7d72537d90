package dev.machinemarkets.platform.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of items; nextCursor is left out on the last page. */
public record ListResponse<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
