package io.reformkg.server;

import io.reformkg.error.ReformKgException;

/** The server could not start, e.g. because its port is in use; the message says what to do. */
public final class ServerStartException extends ReformKgException {
    public ServerStartException(String message) {
        super(message);
    }
}
