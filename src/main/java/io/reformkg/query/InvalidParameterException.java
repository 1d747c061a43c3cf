package io.reformkg.query;

/** A parameter the query does not take, or a value that is malformed or names nothing in the data. */
public final class InvalidParameterException extends IllegalArgumentException {
    public InvalidParameterException(String message) {
        super(message);
    }
}
