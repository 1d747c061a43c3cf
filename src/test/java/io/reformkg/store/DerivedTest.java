package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.reformkg.store.CurrentStore.Derived;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A value derived per store (an answer cache) stays with the store it was derived from: a request
 * that read the old store before a rebuild swapped in a new one never gets the new store's value,
 * so its answer from the old graph cannot be kept where the new graph's answers are.
 */
class DerivedTest {
    private static GraphStore first;
    private static GraphStore second;

    @BeforeAll
    static void build() {
        first = GraphStore.create().data(Path.of("data")).build();
        second = GraphStore.create().data(Path.of("data")).build();
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    /** A current store a test swaps by hand. */
    private static final class Swapped implements CurrentStore {
        private volatile GraphStore current = first;

        @Override
        public GraphStore get() {
            return current;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aValueIsMadeOncePerStoreAndAnOldStoreNeverGetsTheNewOnesValue() {
        Swapped stores = new Swapped();
        List<GraphStore> derivedFrom = new ArrayList<>();
        Derived<List<GraphStore>> values = stores.derived(store -> {
            derivedFrom.add(store);
            return List.of(store);
        });
        GraphStore readByARequest = stores.get();
        List<GraphStore> firstValue = values.of(readByARequest);
        assertSame(firstValue, values.get());
        assertSame(firstValue, values.of(readByARequest));

        stores.current = second;
        List<GraphStore> secondValue = values.get();
        assertEquals(List.of(second), secondValue);
        assertSame(secondValue, values.get());
        // the request that read the first store before the swap: a value of its own store, never the new one
        List<GraphStore> late = values.of(readByARequest);
        assertEquals(List.of(first), late);
        assertNotSame(secondValue, late);
        assertSame(secondValue, values.get(), "the old store's value is not kept as the current one");
        assertEquals(List.of(first, second, first), derivedFrom);
    }
}
