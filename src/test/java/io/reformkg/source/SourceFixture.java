package io.reformkg.source;

import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies of the real data folder with one edit to the source list, so each bad-input test shows
 * exactly what it changed.
 */
final class SourceFixture {
    static final Path DATA = Path.of("data");
    static final String SOURCE_NAME = "batch-3-innovation-reform-measures.txt";

    private SourceFixture() {
    }

    /** The real source list as text. */
    static String original() {
        try {
            return Files.readString(DATA.resolve("sources").resolve(SOURCE_NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with the single occurrence of {@code from} replaced; fails if it is absent or repeated. */
    static String replaceOnce(String text, String from, String to) {
        return DataFolders.replaceOnce(text, from, to);
    }

    /** A copy of the data folder in {@code dir} whose source list is {@code source}. */
    static Path dataWith(Path dir, String source) {
        return dataWith(dir, source.getBytes(StandardCharsets.UTF_8));
    }

    static Path dataWith(Path dir, byte[] source) {
        Path data = dir.resolve("data");
        DataFolders.copy(DATA, data);
        write(sourceFile(data), source);
        return data;
    }

    static Path sourceFile(Path data) {
        return data.resolve("sources").resolve(SOURCE_NAME);
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
