package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.source.SourceSet;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.Dataset;
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
        assertSameAsWhole(Path.of("data"), temp);
    }

    @Test
    void aCorpusOfSeveralListsBuildsAsAWhole(@TempDir Path temp) {
        Path data = temp.resolve("data");
        CorpusGenerator.create().measures(300).measuresPerList(100).seed(7).build().writeTo(data);
        assertSameAsWhole(data, temp);
    }

    private static void assertSameAsWhole(Path data, Path temp) {
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
