package io.reformkg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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
}
