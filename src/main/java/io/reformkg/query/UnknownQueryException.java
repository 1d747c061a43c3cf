package io.reformkg.query;

/** A query name the catalog does not hold; the message lists the names it does hold. */
public final class UnknownQueryException extends IllegalArgumentException {
    public UnknownQueryException(String message) {
        super(message);
    }
}
