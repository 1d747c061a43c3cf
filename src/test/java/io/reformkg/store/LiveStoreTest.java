package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.source.SourceException;
import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link LiveStore} over a TDB2 folder: rebuilds switch stores whole and survive a restart. */
class LiveStoreTest {
    private static final String SOURCE = "sources/batch-3-innovation-reform-measures.txt";
    private static final String BODIES = "\t银保监会、人民银行、科技部\n\t全国\n\n\t2\n";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void aRebuildReplacesTheTdb2StoreAndTheNextStartReusesIt() throws Exception {
        Path data = DataFolders.copyOfData(temp);
        Path db = temp.resolve("tdb2");
        String newVersion;
        long newTriples;
        try (LiveStore live = live(data, db)) {
            GraphStore first = live.get();
            long firstTriples = triples(first);
            edit(data, BODIES, BODIES.replace("、科技部", ""));
            waitUntil(() -> live.get() != first);
            GraphStore second = live.get();
            newVersion = second.version();
            newTriples = triples(second);
            assertNotEquals(first.version(), newVersion);
            assertTrue(newTriples < firstTriples, newTriples + " < " + firstTriples);
            // the replaced store stays while requests may still read it, then goes with it
            waitUntil(() -> storeCount(db) == 1);
            assertTrue(Files.isDirectory(db.resolve(stores(db).get(0)).resolve("text-index")), "the text index switched too");
        }
        try (GraphStore restarted = GraphStore.create().data(data).tdb2(db).build()) {
            assertFalse(restarted.wasRebuilt(), "the rebuilt store is current");
            assertEquals(newVersion, restarted.version());
            assertEquals(newTriples, triples(restarted));
        }
    }

    @Test
    void aFailedRebuildLeavesTheCurrentStoreForTheNextStart() throws Exception {
        Path data = DataFolders.copyOfData(temp);
        Path db = temp.resolve("tdb2");
        String servedVersion;
        try (LiveStore live = live(data, db)) {
            GraphStore served = live.get();
            servedVersion = served.version();
            edit(data, BODIES, BODIES.replace("科技部", "未知部"));
            waitUntil(() -> live.failedRebuild().isPresent());
            assertSame(served, live.get());
            FailedRebuild failed = live.failedRebuild().orElseThrow();
            assertTrue(failed.reason().startsWith(data.resolve(SOURCE) + ":14: measure 1 names an unknown guiding body"),
                    failed.reason());
            assertEquals(List.of(stores(db).get(0)), stores(db), "one complete store");
        }
        // the folder still holds the bad source: a fresh start fails the same way, the good store stays current
        assertThrows(SourceException.class, () -> GraphStore.create().data(data).tdb2(db).build());
        edit(data, BODIES.replace("科技部", "未知部"), BODIES);
        try (GraphStore restarted = GraphStore.create().data(data).tdb2(db).build()) {
            assertFalse(restarted.wasRebuilt());
            assertEquals(servedVersion, restarted.version());
        }
    }

    @Test
    void rejectsAPollIntervalThatIsNotPositive() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LiveStore.create().pollInterval(Duration.ZERO));
        assertEquals("the poll interval must be positive; found PT0S", error.getMessage());
    }

    private static LiveStore live(Path data, Path db) {
        return LiveStore.create().stores(GraphStore.create().data(data).tdb2(db))
                .pollInterval(Duration.ofMillis(100)).grace(Duration.ofMillis(500)).build();
    }

    private static void edit(Path data, String from, String to) throws IOException {
        Path source = data.resolve(SOURCE);
        String text = Files.readString(source);
        assertTrue(text.contains(from));
        Files.writeString(source, text.replace(from, to));
    }

    private static long triples(GraphStore store) {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().asDatasetGraph().stream().count());
    }

    private static List<String> stores(Path db) throws IOException {
        try (Stream<Path> entries = Files.list(db)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static int storeCount(Path db) {
        try {
            return stores(db).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitUntil(BooleanSupplier reached) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}
