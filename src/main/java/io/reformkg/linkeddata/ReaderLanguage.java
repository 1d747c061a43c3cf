package io.reformkg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The language a page is written in: {@code ?lang=} when it names a supported language,
 * otherwise the first supported language of {@code Accept-Language}, otherwise English.
 * Labels missing in that language fall back to the other one (see {@link Labels}).
 */
record ReaderLanguage(String tag, boolean chosenByQuery) {
    static final List<String> SUPPORTED = List.of("zh", "en");
    static final String DEFAULT = "en";
    static final String QUERY_PARAMETER = "lang";

    static ReaderLanguage of(HttpServletRequest request) {
        String query = request.getParameter(QUERY_PARAMETER);
        if (query != null && SUPPORTED.contains(primary(query))) {
            return new ReaderLanguage(primary(query), true);
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String language = primary(range.getRange());
                    if (range.getWeight() > 0 && SUPPORTED.contains(language)) {
                        return new ReaderLanguage(language, false);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // an unreadable header is ignored, as if absent
            }
        }
        return new ReaderLanguage(DEFAULT, false);
    }

    /** The languages to look for a label in, best first, ending with "" (no language tag). */
    List<String> preference() {
        return tag.equals("zh") ? List.of("zh", "en", "") : List.of("en", "zh", "");
    }

    /** What links must carry so the reader stays in a language chosen by {@code ?lang=}. */
    String linkQuery() {
        return chosenByQuery ? "?" + QUERY_PARAMETER + "=" + tag : "";
    }

    private static String primary(String range) {
        int dash = range.indexOf('-');
        return (dash < 0 ? range : range.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
