package io.reformkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.export.RdfFormat;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file {@code reform-kg build --out DIR} writes parses back with Jena's own parser to the
 * same graph: dataset formats to an isomorphic dataset (named graphs kept), the others to a
 * graph isomorphic to the union of all graphs.
 */
class BuildRoundTripTest {
    @TempDir
    static Path out;
    private static GraphStore store;

    @BeforeAll
    static void build() {
        CliRun run = CliRun.of("build", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        store = GraphStore.create().data(Path.of("data")).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void writesOneFilePerFormat() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(Arrays.stream(RdfFormat.values()).map(f -> "reform-kg." + f.extension()).sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void datasetFormatsKeepEveryNamedGraph() {
        DatasetGraph expected = DatasetGraphFactory.create();
        Txn.executeRead(store.dataset(), () -> store.dataset().asDatasetGraph().find().forEachRemaining(expected::add));
        List<RdfFormat> formats = Arrays.stream(RdfFormat.values()).filter(RdfFormat::isDataset).toList();
        assertEquals(List.of(RdfFormat.TRIG, RdfFormat.NQUADS, RdfFormat.JSONLD), formats);
        for (RdfFormat format : formats) {
            DatasetGraph parsed = DatasetGraphFactory.create();
            RDFParser.source(out.resolve("reform-kg." + format.extension())).lang(format.lang()).parse(parsed);
            assertEquals(names(expected), names(parsed), format + " named graphs");
            assertTrue(IsoMatcher.isomorphic(expected, parsed), format + " is not isomorphic to the built dataset");
        }
    }

    @Test
    void graphFormatsHoldTheUnion() {
        Graph union = GraphFactory.createDefaultGraph();
        Txn.executeRead(store.dataset(), () -> store.dataset().getUnionModel().getGraph().find().forEach(union::add));
        List<RdfFormat> formats = Arrays.stream(RdfFormat.values()).filter(f -> !f.isDataset()).toList();
        assertEquals(List.of(RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.RDFXML), formats);
        for (RdfFormat format : formats) {
            Graph parsed = GraphFactory.createDefaultGraph();
            RDFParser.source(out.resolve("reform-kg." + format.extension())).lang(format.lang()).parse(parsed);
            assertEquals(union.size(), parsed.size(), format.toString());
            assertTrue(union.isIsomorphicWith(parsed), format + " is not isomorphic to the union graph");
        }
    }

    private static List<String> names(DatasetGraph dataset) {
        List<String> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(node -> names.add(node.getURI()));
        return names.stream().sorted().toList();
    }
}
