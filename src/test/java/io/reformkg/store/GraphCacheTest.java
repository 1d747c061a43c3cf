package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.search.KeywordRanking;
import io.reformkg.search.MeasureIndex;
import io.reformkg.search.SearchIndex;
import io.reformkg.testing.DataFolders;
import io.reformkg.validation.ValidationResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The graph kept between starts of a build in memory: reused while data and program are
 * unchanged, with the same quads, prefixes, findings and indexes as the build; built again when the
 * data or the program changes, when the snapshot is damaged, and (without failing) when the cache
 * folder cannot be written.
 */
class GraphCacheTest {
    private static final String PROGRAM = "reform-kg.jar 1 2";

    @Test
    void keepsTheBuiltGraphAndReusesItWhileTheDataIsUnchanged(@TempDir Path temp) throws IOException {
        Path data = DataFolders.copyOfData(temp);
        Path cache = temp.resolve("cache");
        try (GraphStore built = GraphStore.create().data(data).cache(cache).build();
             GraphStore reused = GraphStore.create().data(data).cache(cache).build()) {
            assertTrue(built.wasRebuilt());
            assertFalse(reused.wasRebuilt(), "unchanged data reads the graph kept by the start before");
            assertEquals(built.version(), reused.version());
            assertEquals(List.of("graph-" + built.version()), snapshots(cache));
            assertSameGraph(built, reused);
        }
    }

    @Test
    void changedDataIsBuiltAgainAndKeptBesideTheEarlierVersion(@TempDir Path temp) throws IOException {
        Path data = DataFolders.copyOfData(temp);
        Path cache = temp.resolve("cache");
        String first;
        try (GraphStore built = GraphStore.create().data(data).cache(cache).build()) {
            first = built.version();
        }
        Path source = data.resolve("sources/batch-3-innovation-reform-measures.txt");
        String text = Files.readString(source);
        Files.writeString(source, DataFolders.replaceOnce(text, "\t海关总署\n\t全国\n", "\t海关总署\n\t合肥、芜湖市\n"));
        try (GraphStore changed = GraphStore.create().data(data).cache(cache).build();
             GraphStore fresh = GraphStore.create().data(data).build()) {
            assertTrue(changed.wasRebuilt(), "changed data is built, not read from the cache");
            assertNotEquals(first, changed.version());
            assertSameGraph(fresh, changed);
            assertEquals(List.of("graph-" + first, "graph-" + changed.version()).stream().sorted().toList(),
                    snapshots(cache));
        }
        try (GraphStore reused = GraphStore.create().data(data).cache(cache).build()) {
            assertFalse(reused.wasRebuilt());
        }
    }

    @Test
    void aDamagedSnapshotIsBuiltAgainAndReplaced(@TempDir Path temp) throws IOException {
        Path data = DataFolders.copyOfData(temp);
        Path cache = temp.resolve("cache");
        String version;
        try (GraphStore built = GraphStore.create().data(data).cache(cache).build()) {
            version = built.version();
        }
        flipByteInTheMiddle(cache.resolve("graph-" + version).resolve("quads.rt"));
        try (GraphStore rebuilt = GraphStore.create().data(data).cache(cache).build();
             GraphStore fresh = GraphStore.create().data(data).build()) {
            assertTrue(rebuilt.wasRebuilt(), "a damaged snapshot is never served");
            assertSameGraph(fresh, rebuilt);
        }
        try (GraphStore reused = GraphStore.create().data(data).cache(cache).build()) {
            assertFalse(reused.wasRebuilt(), "the damaged snapshot was replaced by a good one");
        }
    }

    @Test
    void aCacheFolderThatCannotBeWrittenOnlyCostsTheBuild(@TempDir Path temp) throws IOException {
        Path data = DataFolders.copyOfData(temp);
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        Path cache = file.resolve("cache");
        try (GraphStore first = GraphStore.create().data(data).cache(cache).build();
             GraphStore second = GraphStore.create().data(data).cache(cache).build()) {
            assertTrue(first.wasRebuilt());
            assertTrue(second.wasRebuilt(), "nothing could be kept, so the next start builds again");
            assertSameGraph(first, second);
        }
        assertEquals("not a folder", Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quads.rt flipped", "quads.rt cut", "text-index flipped", "measure-index removed",
            "findings.json flipped", "snapshot.properties emptied"})
    void aDamagedSnapshotIsNotRead(String damage, @TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        keepSmallGraph(cache, "v1");
        Path snapshot = cache.resolve("graph-v1");
        String file = damage.substring(0, damage.indexOf(' '));
        Path target = snapshot.resolve(file);
        switch (damage.substring(damage.indexOf(' ') + 1)) {
            case "flipped" -> flipByteInTheMiddle(Files.isDirectory(target) ? largest(target) : target);
            case "cut" -> {
                try (RandomAccessFile cut = new RandomAccessFile(target.toFile(), "rw")) {
                    cut.setLength(cut.length() - 10);
                }
            }
            case "removed" -> deleteTree(target);
            case "emptied" -> Files.write(target, new byte[0]);
            default -> throw new IllegalArgumentException(damage);
        }
        assertEquals(Optional.empty(), new GraphCache(cache, PROGRAM).read("v1"));
        assertFalse(Files.exists(snapshot), "the damaged snapshot is removed, so the next build keeps a good one");
    }

    @Test
    void aSnapshotOfAnotherBuildOfTheProgramIsNotRead(@TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        keepSmallGraph(cache, "v1");
        assertEquals(Optional.empty(), new GraphCache(cache, "reform-kg.jar 1 3").read("v1"));
        Optional<GraphCache.Snapshot> same = new GraphCache(cache, PROGRAM).read("v1");
        assertTrue(same.isPresent(), "the snapshot stays for the program that made it");
        assertEquals(3L, Txn.calculateRead(same.get().dataset(), () -> same.get().dataset().asDatasetGraph().stream().count()));
        same.get().facts().close();
        same.get().dataset().close();
    }

    @Test
    void keepsTheMostRecentlyUsedSnapshotsOnly(@TempDir Path temp) throws IOException {
        Path cache = temp.resolve("cache");
        Instant now = Instant.now();
        // v2 used least recently, then v3, then v1
        for (String version : List.of("v1", "v2", "v3")) {
            keepSmallGraph(cache, version);
        }
        Files.setLastModifiedTime(cache.resolve("graph-v2"), FileTime.from(now.minusSeconds(120)));
        Files.setLastModifiedTime(cache.resolve("graph-v3"), FileTime.from(now.minusSeconds(60)));
        keepSmallGraph(cache, "v4");
        assertEquals(List.of("graph-v1", "graph-v3", "graph-v4"), snapshots(cache));
    }

    /** Three quads in two named graphs, with empty indexes. */
    private static void keepSmallGraph(Path cache, String version) throws IOException {
        Dataset dataset = DatasetFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 3; i++) {
                dataset.asDatasetGraph().add(Quad.create(NodeFactory.createURI("urn:g" + (i % 2)),
                        NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"),
                        NodeFactory.createLiteralString("值 " + i)));
            }
        });
        try (SearchIndex.Writer text = SearchIndex.create().writer();
             MeasureIndex facts = MeasureIndex.create().writer().finish()) {
            text.commit();
            new GraphCache(cache, PROGRAM).write(version, dataset, text, facts, new ValidationResult(List.of()));
        }
        assertTrue(Files.isDirectory(cache.resolve("graph-" + version)), "kept " + version);
    }

    private static void assertSameGraph(GraphStore expected, GraphStore actual) {
        Txn.executeRead(expected.dataset(), () -> Txn.executeRead(actual.dataset(), () -> {
            assertEquals(expected.dataset().asDatasetGraph().stream().count(),
                    actual.dataset().asDatasetGraph().stream().count(), "quads");
            assertTrue(IsoMatcher.isomorphic(expected.dataset().asDatasetGraph(), actual.dataset().asDatasetGraph()),
                    "the same quads");
            assertEquals(expected.dataset().asDatasetGraph().prefixes().getMapping(),
                    actual.dataset().asDatasetGraph().prefixes().getMapping(), "the same prefixes");
        }));
        assertEquals(expected.validation().findings(), actual.validation().findings());
        assertEquals(1, actual.validation().warnings().size(), "the empty section's warning");
        assertEquals(expected.keywordRanking().page("担保", 0, 100), actual.keywordRanking().page("担保", 0, 100));
        assertEquals(List.of(3L, 5L), actual.keywordRanking().page("担保", 0, 100).stream()
                .map(KeywordRanking.RankedMeasure::number).sorted().toList(), "the measures whose text holds 担保");
        assertEquals(measures(expected), measures(actual));
        assertEquals(16, measures(actual).size());
    }

    private static List<MeasureIndex.IndexedMeasure> measures(GraphStore store) {
        List<MeasureIndex.IndexedMeasure> measures = new ArrayList<>();
        store.measureIndex().scan(Optional.empty(), measure -> {
            measures.add(measure);
            return true;
        });
        return measures;
    }

    private static List<String> snapshots(Path cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("graph-"))
                    .sorted().toList();
        }
    }

    private static Path largest(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                    .orElseThrow();
        }
    }

    private static void flipByteInTheMiddle(Path file) throws IOException {
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = bytes.length() / 2;
            bytes.seek(middle);
            int value = bytes.read();
            bytes.seek(middle);
            bytes.write(value ^ 0x01);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
