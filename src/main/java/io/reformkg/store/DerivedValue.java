package io.reformkg.store;

import java.util.function.Function;
import java.util.function.Supplier;

/** A value computed from the current store, recomputed once each time the store is replaced. */
public final class DerivedValue<T> implements Supplier<T> {
    private record Computed<T>(GraphStore from, T value) {
    }

    private final CurrentStore stores;
    private final Function<GraphStore, T> derive;
    private volatile Computed<T> last;

    DerivedValue(CurrentStore stores, Function<GraphStore, T> derive) {
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
