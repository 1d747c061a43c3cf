package io.reformkg.store;

import java.util.function.Function;
import java.util.function.Supplier;

/** A value computed from the current store, recomputed once each time the store is replaced. */
final class DerivedValue<T> implements Supplier<T> {
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
        GraphStore store = stores.get();
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
