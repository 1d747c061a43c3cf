package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.source.SourceException;
import io.reformkg.testing.DataFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TDB2 store: built once, reused while the data is unchanged, rebuilt when it changes, intact
 * after kill -9, and never left behind by a failed build.
 */
class Tdb2StoreTest {
    private static long expectedTriples;

    @BeforeAll
    static void countInMemory() {
        try (GraphStore memory = GraphStore.create().data(Path.of("data")).build()) {
            expectedTriples = quads(memory);
        }
    }

    @Test
    void buildsOnceReusesThenRebuildsWhenTheDataChanges(@TempDir Path temp) throws IOException {
        Path data = DataFolders.copyOfData(temp);
        Path db = temp.resolve("db");
        String firstVersion;
        try (GraphStore built = GraphStore.create().data(data).tdb2(db).build()) {
            assertTrue(built.wasRebuilt());
            assertEquals(expectedTriples, quads(built));
            assertEquals(1, built.validation().warnings().size(), "the empty section's warning");
            firstVersion = built.version();
        }
        try (GraphStore reused = GraphStore.create().data(data).tdb2(db).build()) {
            assertFalse(reused.wasRebuilt(), "the unchanged data reuses the store");
            assertEquals(expectedTriples, quads(reused));
            assertEquals(1, reused.validation().warnings().size(), "the findings are kept with the store");
            assertEquals(firstVersion, reused.version());
        }
        Files.writeString(data.resolve("reference/categories.json"), "\n", StandardOpenOption.APPEND);
        try (GraphStore rebuilt = GraphStore.create().data(data).tdb2(db).build()) {
            assertTrue(rebuilt.wasRebuilt(), "changed data rebuilds the store");
            assertEquals(expectedTriples, quads(rebuilt));
        }
        assertEquals(1, storeFolders(db).size(), "the replaced store is removed: " + storeFolders(db));
    }

    @Test
    void aBuildThatFailsRemovesItsFolder(@TempDir Path temp) throws IOException {
        Path data = DataFolders.copyOfData(temp);
        Path source = data.resolve("sources/batch-3-innovation-reform-measures.txt");
        Files.write(source, new byte[0]);
        Path db = temp.resolve("db");
        SourceException error = assertThrows(SourceException.class, () -> GraphStore.create().data(data).tdb2(db).build());
        assertEquals(source + ": the file is empty; expected a list title, the table header 序号 | 改革举措 | 主要内容 | "
                + "指导部门 | 推广范围 and sections of measures", error.getMessage());
        assertEquals(List.of(), storeFolders(db), "nothing half-built is left");
    }

    @Test
    void aBadSourceFailsWithFileAndLineAndLeavesNoStore(@TempDir Path temp) throws IOException {
        Path data = DataFolders.copyOfData(temp);
        Path source = data.resolve("sources/batch-3-innovation-reform-measures.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(source));
        assertEquals("\t全国", lines.get(20), "line 21 is measure 2's scope");
        lines.set(20, "\t全省");
        Files.write(source, lines);
        Path db = temp.resolve("db");
        SourceException error = assertThrows(SourceException.class,
                () -> GraphStore.create().data(data).tdb2(db).build());
        assertTrue(error.getMessage().startsWith(source + ":21: "), error.getMessage());
        assertEquals(List.of(), storeFolders(db), "the failed build is removed");
        assertFalse(Files.exists(db.resolve("current")));
    }

    @Test
    void aStoreKilledMidBuildLeavesNothingHalfBuilt(@TempDir Path temp) throws Exception {
        Path data = DataFolders.copyOfData(temp);
        Path db = temp.resolve("db");
        Process child = serve(data, db);
        boolean sawBuilding = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!sawBuilding && System.nanoTime() < deadline && child.isAlive()) {
            sawBuilding = Files.isDirectory(db) && !Files.exists(db.resolve("current"))
                    && storeFolders(db).stream().anyMatch(name -> name.startsWith("building-"));
            if (!sawBuilding) {
                Thread.sleep(2);
            }
        }
        child.destroyForcibly().waitFor();
        assertTrue(sawBuilding, "the child was killed while building");
        try (GraphStore reopened = GraphStore.create().data(data).tdb2(db).build()) {
            assertEquals(expectedTriples, quads(reopened), "the store opened after kill -9 is complete");
        }
        assertEquals(1, storeFolders(db).size(), "the half-built folder is removed: " + storeFolders(db));
    }

    @Test
    void aServedStoreSurvivesSigtermAndKill9(@TempDir Path temp) throws Exception {
        Path data = DataFolders.copyOfData(temp);
        Path db = temp.resolve("db");
        Process first = serve(data, db);
        awaitServing(first);
        first.destroy();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the server");
        Process second = serve(data, db);
        String banner = awaitServing(second);
        assertTrue(banner.contains("TDB2 store reused"), banner);
        second.destroyForcibly().waitFor();
        try (GraphStore reopened = GraphStore.create().data(data).tdb2(db).build()) {
            assertFalse(reopened.wasRebuilt());
            assertEquals(expectedTriples, quads(reopened), "the store opened after kill -9 is intact");
        }
    }

    private static Process serve(Path data, Path db) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.reformkg.cli.Main", "serve", "--data", data.toString(), "--tdb2", db.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Reads the child's start-up message up to its first URL. */
    private static String awaitServing(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder banner = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            banner.append(line).append('\n');
            if (line.contains("SPARQL endpoint:")) {
                return banner.toString();
            }
        }
        throw new AssertionError("the server stopped before serving: " + banner);
    }

    private static long quads(GraphStore store) {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().asDatasetGraph().stream().count());
    }

    private static List<String> storeFolders(Path db) throws IOException {
        try (Stream<Path> entries = Files.list(db)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

}
