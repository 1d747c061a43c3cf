package io.reformkg.source;

import io.reformkg.error.ReformKgException;
import java.nio.file.Path;

/**
 * A source file that does not follow the list format. The message names the file, the
 * line (1-based) and what was expected there, so an editor can jump straight to it.
 */
public final class SourceException extends ReformKgException {
    private final Path file;
    private final int line;

    public SourceException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
