package io.reformkg.error;

/**
 * The root of every failure a user can act on: a bad source or reference file, a graph that
 * violates the shapes, a store folder that cannot be used, a port already taken, an unknown query
 * or parameter. Its message says what went wrong and where (file and line for a source) and is
 * shown as it is; the command line prints it on one line with exit status 2, the server answers it
 * with a 4xx. Anything else that escapes is a bug.
 */
public abstract class ReformKgException extends RuntimeException {
    protected ReformKgException(String message) {
        super(message);
    }

    protected ReformKgException(String message, Throwable cause) {
        super(message, cause);
    }
}
