package io.reformkg.reference;

import io.reformkg.error.ReformKgException;
import java.nio.file.Path;

/** Reference data that is missing, malformed or inconsistent; names the file and, where known, the line. */
public final class ReferenceException extends ReformKgException {
    public ReferenceException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
