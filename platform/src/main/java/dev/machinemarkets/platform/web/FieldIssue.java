package dev.machinemarkets.platform.web;

public record FieldIssue(String field, String issue) {
}
