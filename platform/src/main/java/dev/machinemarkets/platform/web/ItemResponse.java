package dev.machinemarkets.platform.web;

public record ItemResponse<T>(T item) {
}
