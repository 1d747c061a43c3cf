package io.reformkg.source;

import java.util.List;

/**
 * One measure as the list states it. {@code guidingBodies} keeps the list's order: the
 * first is conventionally the lead body. {@code line} is where its number stands.
 */
public record ParsedMeasure(int number, String title, String content, List<String> guidingBodies,
                            ParsedScope scope, int line) {
    public ParsedMeasure {
        guidingBodies = List.copyOf(guidingBodies);
    }
}
