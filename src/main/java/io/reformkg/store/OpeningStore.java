package io.reformkg.store;

import io.reformkg.graph.IriScheme;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A current store still being opened (or built) on a thread of its own, so that a server can be
 * put together meanwhile. Reading it waits until it is open; its IRI scheme is known before.
 */
public final class OpeningStore implements CurrentStore {
    private final IriScheme iris;
    private final CompletableFuture<CurrentStore> opened = new CompletableFuture<>();

    private OpeningStore(IriScheme iris) {
        this.iris = iris;
    }

    /** Starts {@code open} on a thread named {@code store-open}; it must build its stores with {@code iris}. */
    public static OpeningStore start(IriScheme iris, Supplier<? extends CurrentStore> open) {
        OpeningStore store = new OpeningStore(iris);
        Thread thread = new Thread(() -> {
            try {
                store.opened.complete(open.get());
            } catch (Throwable failure) {
                // handed to whoever waits for the store: the opening thread has no one to tell
                store.opened.completeExceptionally(failure);
            }
        }, "store-open");
        thread.setDaemon(true);
        thread.start();
        return store;
    }

    /**
     * Waits until the store is open and returns it. A failure to open is thrown as the opening
     * threw it (a {@link io.reformkg.source.SourceException} for a bad source, say).
     */
    public CurrentStore awaitOpen() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public GraphStore get() {
        return awaitOpen().get();
    }

    @Override
    public Optional<FailedRebuild> failedRebuild() {
        return awaitOpen().failedRebuild();
    }

    @Override
    public IriScheme iris() {
        return iris;
    }

    /** Waits for the opening to end, then closes what it opened, if it opened. */
    @Override
    public void close() {
        CurrentStore store;
        try {
            store = opened.join();
        } catch (CompletionException failedToOpen) {
            return;
        }
        store.close();
    }
}
