package io.reformkg.query.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.reformkg.store.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths walked once per start node answer what ARQ's own executor answers, row for row and with
 * the same repetitions, on the list's graph: both ends bound, one end bound either way, neither,
 * paths whose alternatives repeat an end, and paths inside GRAPH.
 */
class MemoizedPathExecutorTest {
    private static final String PREFIXES = """
            PREFIX rkg:    <https://w3id.org/reform-kg/def/>
            PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <https://schema.org/>
            """;
    private static GraphStore store;

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(Path.of("data")).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Each row as text, in the order the query gives (every query here orders its rows fully). */
    private static List<String> rows(String query, boolean memoized) {
        DatasetGraph stored = store.dataset().asDatasetGraph();
        // the default graph as the server shows it, the union of the named graphs; GRAPH reads the named graphs
        DatasetGraph dataset = query.contains("GRAPH") ? stored : DatasetGraphFactory.wrap(stored.getUnionGraph());
        Context context = Context.mergeCopy(ARQ.getContext(), stored.getContext());
        if (memoized) {
            QC.setFactory(context, MemoizedPathExecutor.FACTORY);
        }
        List<String> rows = new ArrayList<>();
        Txn.executeRead(stored, () -> {
            try (QueryExec execution = QueryExec.newBuilder().dataset(dataset).context(context)
                    .query(PREFIXES + query).build()) {
                RowSet answers = execution.select();
                answers.forEachRemaining(row -> rows.add(row.toString()));
            }
        });
        return rows;
    }

    @Test
    void wuhanGetsEveryMeasureAsCompetencyQuestionEightSays() throws Exception {
        String cq8 = Files.readString(Path.of("src/test/resources/server/cq/cq8-measures-in-place.rq"));
        String query = cq8.replaceAll("(?m)^PREFIX.*$", "");
        List<String> memoized = rows(query, true);
        assertEquals(16, memoized.size(), memoized.toString());
        assertEquals(rows(query, false), memoized);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // both ends bound, the object from each measure's regions
        "SELECT ?measure ?region { ?place skos:notation \"4201\" . ?measure rkg:promotionScope/rkg:coversRegion ?region ."
                + " ?place schema:containedInPlace* ?region } ORDER BY ?measure ?region",
        // start bound, the other end found
        "SELECT ?place ?up { ?place skos:notation ?code FILTER(STRSTARTS(?code, \"4201\")) ?place schema:containedInPlace+ ?up }"
                + " ORDER BY ?place ?up",
        // end bound, walked backwards
        "SELECT ?province ?inside { ?province skos:notation \"42\" . ?inside schema:containedInPlace+ ?province }"
                + " ORDER BY ?inside",
        // alternatives that reach the same end twice: ARQ repeats the row
        "SELECT ?measure ?category { ?measure rkg:sequenceNumber ?n . ?measure (rkg:category|rkg:category) ?category }"
                + " ORDER BY ?measure ?category",
        // neither end bound
        "SELECT ?inner ?outer { ?inner schema:containedInPlace/schema:containedInPlace ?outer } ORDER BY ?inner ?outer",
        // inside GRAPH: a new view of the graph for every row
        "SELECT ?g ?place ?up { GRAPH ?g { ?place skos:notation \"420102\" . ?place schema:containedInPlace* ?up } }"
                + " ORDER BY ?g ?place ?up"
    })
    void answersAsArqDoes(String query) {
        List<String> plain = rows(query, false);
        assertEquals(plain, rows(query, true));
        assertFalse(plain.isEmpty(), "the query has answers to compare: " + query);
    }
}
