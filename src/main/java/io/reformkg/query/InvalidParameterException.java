package io.reformkg.query;

import io.reformkg.error.ReformKgException;

/** A parameter the query does not take, or a value that is malformed or names nothing in the data. */
public final class InvalidParameterException extends ReformKgException {
    public InvalidParameterException(String message) {
        super(message);
    }
}
