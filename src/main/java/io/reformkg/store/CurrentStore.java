package io.reformkg.store;

import io.reformkg.graph.IriScheme;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The graph being served now: one complete {@link GraphStore} at a time, which a rebuild
 * replaces whole. A request reads it once and uses that store to the end, so it never sees two
 * graphs or half of one. A {@link GraphStore} is its own current store; a {@link LiveStore}
 * follows its data folder.
 */
public interface CurrentStore extends Supplier<GraphStore>, AutoCloseable {
    /** The store to answer the next request from. */
    @Override
    GraphStore get();

    /** The IRI scheme of every store it serves: it does not change while serving. */
    default IriScheme iris() {
        return get().iris();
    }

    /** The last rebuild that failed since the current store was built, if any. */
    default Optional<FailedRebuild> failedRebuild() {
        return Optional.empty();
    }

    /** Closes the store and any it still holds open; the files of a TDB2 store are released. */
    @Override
    void close();

    /**
     * A value computed from the current store (a page renderer, a service over its dataset), so
     * that it is computed once per store rather than once per request.
     */
    default <T> DerivedValue<T> derived(Function<GraphStore, T> derive) {
        return new DerivedValue<>(this, derive);
    }
}
