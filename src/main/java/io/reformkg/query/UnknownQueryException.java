package io.reformkg.query;

import io.reformkg.error.ReformKgException;

/** A query name the catalog does not hold; the message lists the names it does hold. */
public final class UnknownQueryException extends ReformKgException {
    public UnknownQueryException(String message) {
        super(message);
    }
}
