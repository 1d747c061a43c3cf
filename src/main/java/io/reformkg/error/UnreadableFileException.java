package io.reformkg.error;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file the user gave that cannot be read at all — missing, not permitted, a folder — as opposed
 * to one read but malformed, which its own exception reports with the line.
 */
public final class UnreadableFileException extends ReformKgException {
    private final Path file;

    /** {@code what} names the file's role: "the source file", "the manifest". */
    public UnreadableFileException(String what, Path file, IOException cause) {
        super(file + ": cannot read " + what + ": " + OsErrors.reason(cause, file), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
