package io.reformkg.query;

/** A parameter of a named query; {@code defaultValue} is null for a required parameter. */
public record QueryParameter(String name, ParameterKind kind, String defaultValue, String description) {
    public boolean required() {
        return defaultValue == null;
    }
}
