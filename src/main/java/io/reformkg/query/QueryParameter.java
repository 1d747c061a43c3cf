package io.reformkg.query;

import java.util.List;

/**
 * A parameter of a named query; {@code defaultValue} is null for a required parameter, and
 * {@code choices} lists the values a {@link ParameterKind#CHOICE} takes (empty for other kinds).
 */
public record QueryParameter(String name, ParameterKind kind, String defaultValue, String description,
                             List<String> choices) {
    public QueryParameter {
        choices = List.copyOf(choices);
    }

    public QueryParameter(String name, ParameterKind kind, String defaultValue, String description) {
        this(name, kind, defaultValue, description, List.of());
    }

    public boolean required() {
        return defaultValue == null;
    }
}
