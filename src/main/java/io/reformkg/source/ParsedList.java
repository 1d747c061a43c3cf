package io.reformkg.source;

import java.util.List;
import java.util.stream.Stream;

/** A whole list as read from one source file, with the file's SHA-256 digest. */
public record ParsedList(SourceEntry entry, String title, String sha256, List<ParsedSection> sections) {
    public ParsedList {
        sections = List.copyOf(sections);
    }

    public Stream<ParsedMeasure> measures() {
        return sections.stream().flatMap(section -> section.measures().stream());
    }

    public int declaredCount() {
        return sections.stream().mapToInt(ParsedSection::declaredCount).sum();
    }
}
