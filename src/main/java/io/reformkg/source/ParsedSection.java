package io.reformkg.source;

import java.util.List;

/**
 * One section of a list: its position (一 = 1), the category name its heading gives, the
 * number of measures the heading declares, and the measures the text actually holds.
 */
public record ParsedSection(int number, String heading, String category, int declaredCount,
                            int line, List<ParsedMeasure> measures) {
    public ParsedSection {
        measures = List.copyOf(measures);
    }
}
