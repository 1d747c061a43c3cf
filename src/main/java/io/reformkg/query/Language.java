package io.reformkg.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The language names come back in: list names and Chinese labels, or English labels. */
public enum Language {
    ZH, EN;

    /** The code the queries compare {@code ?lang} with and users type: zh or en. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language parse(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.trim())) {
                return language;
            }
        }
        throw new InvalidParameterException("unknown language \"" + code + "\"; use one of: "
                + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", ")));
    }
}
