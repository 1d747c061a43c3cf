package io.reformkg.server;

/** The server could not start, e.g. because its port is in use; the message says what to do. */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message) {
        super(message);
    }
}
