package io.reformkg.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways an answer can be written: an aligned text table, CSV, TSV or JSON. */
public enum ResultFormat {
    TABLE("text/plain; charset=utf-8"),
    CSV("text/csv; charset=utf-8"),
    TSV("text/tab-separated-values; charset=utf-8"),
    JSON("application/json");

    private final String mediaType;

    ResultFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of that name; {@code IllegalArgumentException} listing the names otherwise. */
    public static ResultFormat parse(String label) {
        for (ResultFormat format : values()) {
            if (format.label().equalsIgnoreCase(label.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + label + "\"; use one of: "
                + Arrays.stream(values()).map(ResultFormat::label).collect(Collectors.joining(", ")));
    }
}
