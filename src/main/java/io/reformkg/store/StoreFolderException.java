package io.reformkg.store;

import io.reformkg.error.ReformKgException;

/**
 * The TDB2 folder cannot hold the store: it is a file, lies under one, cannot be written, or the
 * disk filled up while the store was built. The message names the folder and what is wrong;
 * starting again without changing that fails the same way.
 */
public final class StoreFolderException extends ReformKgException {
    StoreFolderException(String message) {
        super(message);
    }

    StoreFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
