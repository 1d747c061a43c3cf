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
    default <T> Derived<T> derived(Function<GraphStore, T> derive) {
        return new Derived<>(this, derive);
    }

    /** A value computed from the current store, recomputed once each time the store is replaced. */
    final class Derived<T> implements Supplier<T> {
        private record Computed<T>(GraphStore from, T value) {
        }

        private final CurrentStore stores;
        private final Function<GraphStore, T> derive;
        private volatile Computed<T> last;

        Derived(CurrentStore stores, Function<GraphStore, T> derive) {
            this.stores = stores;
            this.derive = derive;
        }

        @Override
        public T get() {
            return of(stores.get());
        }

        /**
         * The value derived from {@code store}, which a request read earlier: the kept one while it is
         * current, one made afresh and not kept once a rebuild has replaced it — so an answer from the
         * old store never lands in a cache of the new one.
         */
        public T of(GraphStore store) {
            if (store != stores.get()) {
                Computed<T> seen = last;
                return seen != null && seen.from() == store ? seen.value() : derive.apply(store);
            }
            Computed<T> seen = last;
            if (seen != null && seen.from() == store) {
                return seen.value();
            }
            synchronized (this) {
                seen = last;
                if (seen == null || seen.from() != store) {
                    seen = new Computed<>(store, derive.apply(store));
                    last = seen;
                }
                return seen.value();
            }
        }
    }
}
