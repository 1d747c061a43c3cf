package io.reformkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.search.MeasureIndex;
import io.reformkg.search.SearchIndex;
import io.reformkg.source.SourceException;
import io.reformkg.source.SourceSet;
import io.reformkg.store.GraphStore;
import io.reformkg.validation.Finding;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batched build (inference, validation and text per list) makes exactly the dataset and the
 * findings that inferring and validating the whole dataset at once makes, in memory and in TDB2.
 */
class BatchedBuildTest {
    @Test
    void theRealListBuildsAsAWhole(@TempDir Path temp) {
        assertSameAsWhole(Path.of("data"), temp, true);
    }

    @Test
    void aCorpusOfSeveralListsBuildsAsAWhole(@TempDir Path temp) {
        Path data = temp.resolve("data");
        CorpusGenerator.create().measures(300).measuresPerList(100).seed(7).build().writeTo(data);
        // in memory only: both stores take the same stream, and the real list checks TDB2's copy of it
        assertSameAsWhole(data, temp, false);
    }

    @Test
    void aListThatViolatesTheShapesFailsTheBuild(@TempDir Path temp) {
        Path data = temp.resolve("data");
        CorpusGenerator.create().measures(30).measuresPerList(10).seed(7).build().writeTo(data);
        BuildFailedException failure = assertThrows(BuildFailedException.class, () -> build(data, refusingList(3)));
        assertEquals(measuresOfList(3), focusNodes(failure));
        assertEquals(0, failure.getSuppressed().length);
    }

    @Test
    void aViolationStopsTheBuildBeforeALaterListIsRead(@TempDir Path temp) throws IOException {
        Path data = temp.resolve("data");
        CorpusGenerator.create().measures(30).measuresPerList(10).seed(7).build().writeTo(data);
        Path third = data.resolve("sources/synthetic-batch-00003.txt");
        String text = Files.readString(third);
        String broken = text.replaceFirst("\t银保监会\n", "\t不存在的部门\n");
        assertNotEquals(text, broken, "the test expected a measure guided by 银保监会 in list 3");
        Files.writeString(third, broken);
        // the build fails where it first goes wrong: list 2, not the bad source of list 3
        BuildFailedException failure = assertThrows(BuildFailedException.class, () -> build(data, refusingList(2)));
        assertEquals(measuresOfList(2), focusNodes(failure));
        SourceException later = assertThrows(SourceException.class, () -> build(data, refusingList(4)));
        assertTrue(later.getMessage().contains("synthetic-batch-00003.txt:"), later.getMessage());
    }

    /** Shapes that refuse every measure of one list, and nothing else. */
    private static Validator refusingList(int batch) {
        String shapes = """
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                [] a sh:NodeShape ;
                   sh:targetClass <%s> ;
                   sh:sparql [ sh:message "refused by the test" ;
                               sh:select "SELECT $this WHERE { FILTER(STRSTARTS(STR($this), '%s/')) }" ] .
                """.formatted(RKG.Measure.getURI(), IriScheme.defaults().list(batch));
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(shapes, Lang.TURTLE).parse(model);
        return new Validator(model);
    }

    private static void build(Path data, Validator validator) {
        Dataset dataset = DatasetFactory.createTxnMem();
        BatchedBuild build = new BatchedBuild(data, IriScheme.defaults(), validator);
        try (SearchIndex.Writer text = SearchIndex.create().writer(); MeasureIndex.Writer facts = MeasureIndex.create().writer()) {
            Txn.executeWrite(dataset, () -> build.streamInto(StreamRDFLib.dataset(dataset.asDatasetGraph()), text, facts));
        }
    }

    private static Set<String> measuresOfList(int batch) {
        Set<String> measures = new TreeSet<>();
        for (int number = 1; number <= 10; number++) {
            measures.add(IriScheme.defaults().measure(batch, number));
        }
        return measures;
    }

    private static Set<String> focusNodes(BuildFailedException failure) {
        return failure.violations().stream().map(Finding::focusNode).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertSameAsWhole(Path data, Path temp, boolean inTdb2Too) {
        ReferenceData reference = ReferenceData.load(data);
        Dataset whole = GraphBuilder.create().reference(reference).sources(SourceSet.open(data, reference)).build();
        Inference.materialise(whole, IriScheme.defaults());
        ValidationResult wholeFindings = Validator.withDefaultShapes().validate(whole);
        List<String> expected = quads(whole);
        assertTrue(expected.size() > 10_000);
        try (GraphStore memory = GraphStore.create().data(data).build()) {
            assertSameQuads(expected, quads(memory.dataset()), "in memory");
            assertEquals(wholeFindings, memory.validation());
        }
        if (!inTdb2Too) {
            return;
        }
        try (GraphStore tdb2 = GraphStore.create().data(data).tdb2(temp.resolve("db")).build()) {
            assertSameQuads(expected, quads(tdb2.dataset()), "TDB2");
            assertEquals(wholeFindings, tdb2.validation());
        }
    }

    /** Names the quads that differ, not two lists of tens of thousands. */
    private static void assertSameQuads(List<String> expected, List<String> actual, String store) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertEquals(expected, actual, () -> store + ": " + missing.size() + " missing, e.g. "
                + missing.stream().limit(5).toList() + "; " + extra.size() + " extra, e.g. " + extra.stream().limit(5).toList());
    }

    /** The quads as sorted text; blank nodes (the ontology's OWL lists), labelled afresh by each load, all as _:b. */
    private static List<String> quads(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            List<String> quads = new ArrayList<>();
            dataset.asDatasetGraph().find().forEachRemaining((Quad quad) ->
                    quads.add(quad.toString().replaceAll("_:[0-9a-f]+", "_:b")));
            Collections.sort(quads);
            return quads;
        });
    }
}
