package io.reformkg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the project's data folder for tests that change the data. */
public final class DataFolders {
    private DataFolders() {
    }

    /** Copies {@code from} to {@code to}, folders and files, and returns {@code to}. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** A copy of the project's {@code data/} folder under {@code parent}. */
    public static Path copyOfData(Path parent) {
        return copy(Path.of("data"), parent.resolve("data"));
    }

    /**
     * A copy of the project's data in which two measures are promoted in named divisions, as a
     * city's or province's own list would write it: measure 12 in "合肥、芜湖市" (3401, 3402; one
     * name short, one full) and measure 16 in "北京市东城区、东莞市" (110101, 4419). The others
     * keep their scopes: nationwide 1, 2, 5, 6, 8–11, 13; the pilot regions 3, 4, 7, 14, 15.
     */
    public static Path copyWithScopesNamingDivisions(Path parent) {
        Path data = copyOfData(parent);
        Path source = data.resolve("sources").resolve("batch-3-innovation-reform-measures.txt");
        try {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            text = replaceOnce(text, "\t海关总署\n\t全国\n", "\t海关总署\n\t合肥、芜湖市\n");
            text = replaceOnce(text, "人力资源社会保障部\n\t全国\n", "人力资源社会保障部\n\t北京市东城区、东莞市\n");
            Files.writeString(source, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + source, e);
        }
        return data;
    }

    /** The text with the single occurrence of {@code from} replaced; fails if it is absent or repeated. */
    public static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("the edit target must occur exactly once: " + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
