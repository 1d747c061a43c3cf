package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reformkg.graph.IriScheme;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store opened on a thread of its own: read once open, its failure thrown as thrown, closed once. */
class OpeningStoreTest {
    private static final IriScheme IRIS = IriScheme.defaults();
    private static GraphStore built;

    /** The store the opening hands over, counting how often it is closed. */
    private static final class CountedStore implements CurrentStore {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public GraphStore get() {
            return built;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @BeforeAll
    static void build() {
        built = GraphStore.create().data(Path.of("data")).build();
    }

    @AfterAll
    static void close() {
        built.close();
    }

    private static CountedStore openedWhen(CountDownLatch mayOpen, CountedStore store) {
        try {
            mayOpen.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return store;
    }

    @Test
    void readingWaitsUntilTheStoreIsOpen() throws Exception {
        CountDownLatch mayOpen = new CountDownLatch(1);
        CountedStore store = new CountedStore();
        try (OpeningStore opening = OpeningStore.start(IRIS, () -> openedWhen(mayOpen, store))) {
            assertSame(IRIS, opening.iris(), "the IRI scheme is known before the store is open");
            CompletableFuture<GraphStore> read = CompletableFuture.supplyAsync(opening::get);
            assertThrows(TimeoutException.class, () -> read.get(300, TimeUnit.MILLISECONDS), "read before it opened");
            mayOpen.countDown();
            assertSame(built, read.get(30, TimeUnit.SECONDS));
            assertSame(store, opening.awaitOpen());
            assertEquals(0, store.closed.get());
        }
        assertEquals(1, store.closed.get(), "closed with the opening store");
    }

    @Test
    void closingWhileItOpensClosesWhatItOpened() throws Exception {
        CountDownLatch mayOpen = new CountDownLatch(1);
        CountedStore store = new CountedStore();
        OpeningStore opening = OpeningStore.start(IRIS, () -> openedWhen(mayOpen, store));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(opening::close);
        assertThrows(TimeoutException.class, () -> closing.get(300, TimeUnit.MILLISECONDS), "closed before it opened");
        mayOpen.countDown();
        closing.get(30, TimeUnit.SECONDS);
        assertEquals(1, store.closed.get());
    }

    @Test
    void aFailureToOpenIsThrownAsTheOpeningThrewIt(@TempDir Path temp) {
        Path missing = temp.resolve("missing");
        OpeningStore opening = OpeningStore.start(IRIS, () -> GraphStore.create().data(missing).build());
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, opening::awaitOpen);
        assertEquals("the data folder " + missing.toAbsolutePath()
                + " does not exist; expected a folder with sources/ and reference/ (see README)", failure.getMessage());
        assertSame(failure, assertThrows(IllegalArgumentException.class, opening::get), "the same failure each time");
        opening.close(); // nothing opened, nothing to close: it returns without throwing
    }
}
