package io.reformkg.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a query parameter names, which decides how a value is resolved and bound: categories,
 * bodies and places become IRIs found in the data; IRIs of the data, text and integers become
 * literals.
 */
public enum ParameterKind {
    /** A category: its id (tech-finance), Chinese or English name, or IRI. */
    CATEGORY,
    /** A body: its abbreviation (MOST), list name (科技部), official name, English name, or IRI. */
    BODY,
    /** A division (name, qualified name or code), a pilot region (id or name), or the nation. */
    PLACE,
    /**
     * The IRI of a resource in the data (or {@code *} where that is the default), bound as a plain
     * string literal of the IRI, so a query can leave the filter open with {@code *}.
     */
    IRI,
    /** Any text, bound as a plain string literal. */
    TEXT,
    /** One of the values the header lists ({@code choice all|category|body}), bound as a plain string literal. */
    CHOICE,
    /** A whole number, bound as an xsd:integer. */
    INTEGER;

    /** The name the query headers and the catalog JSON use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ParameterKind parse(String label) {
        for (ParameterKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown parameter kind \"" + label + "\"; use one of: "
                + Arrays.stream(values()).map(ParameterKind::label).collect(Collectors.joining(", ")));
    }
}
