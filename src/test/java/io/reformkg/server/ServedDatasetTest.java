package io.reformkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.search.SearchIndex;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;

/** The served view answers over the union of the named graphs, on TDB2's own engine where it can. */
class ServedDatasetTest {
    private static final String TWO_GRAPHS = """
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            GRAPH <urn:list:1> { <urn:measure:1> eli:title "科技金融"@zh ; eli:responsibility_of <urn:body:a> , <urn:body:b> . }
            GRAPH <urn:list:2> { <urn:measure:2> eli:title "知识产权"@zh ; eli:responsibility_of <urn:body:a> . }
            """;
    private static final Query GUIDANCE_PER_BODY = QueryFactory.create("""
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            SELECT ?body (COUNT(*) AS ?measures) { ?measure eli:responsibility_of ?body }
            GROUP BY ?body ORDER BY ?body
            """);

    @Test
    void aTextIndexedTdb2StoreIsAnsweredByTdb2sEngineOverTheUnionOfItsGraphs() {
        Dataset store = SearchIndex.create().build(loaded(TDB2Factory.createDataset()));
        DatasetGraph served = ServedDataset.of(store.asDatasetGraph(), 10_000);

        // TDB2's engine plans in quads, matched on node ids; ARQ's general engine would see the text
        // index's wrapper, plan triples, and make a node of every quad of the union first
        String plan = plan(store, served);
        assertTrue(plan.contains("(quadpattern (quad <urn:x-arq:DefaultGraphNode> ?measure"), plan);
        assertEquals(List.of("urn:body:a 2", "urn:body:b 1"), guidancePerBody(store, served));
    }

    @Test
    void anInMemoryDatasetIsAnsweredOverTheUnionOfItsGraphsToo() {
        Dataset store = loaded(DatasetFactory.createTxnMem());
        DatasetGraph served = ServedDataset.of(store.asDatasetGraph(), 10_000);

        assertEquals(List.of("urn:body:a 2", "urn:body:b 1"), guidancePerBody(store, served));
    }

    private static String plan(Dataset store, DatasetGraph served) {
        return Txn.calculateRead(store, () -> QueryEngineRegistry
                .findFactory(GUIDANCE_PER_BODY, served, served.getContext())
                .create(GUIDANCE_PER_BODY, served, BindingFactory.empty(), served.getContext())
                .getOp().toString());
    }

    private static Dataset loaded(Dataset dataset) {
        Txn.executeWrite(dataset, () -> RDFParser.fromString(TWO_GRAPHS, Lang.TRIG).parse(dataset));
        return dataset;
    }

    private static List<String> guidancePerBody(Dataset store, DatasetGraph served) {
        return Txn.calculateRead(store, () -> QueryExec.dataset(served).query(GUIDANCE_PER_BODY).select()
                .stream()
                .map(row -> row.get("body").getURI() + " " + row.get("measures").getLiteralLexicalForm())
                .toList());
    }
}
