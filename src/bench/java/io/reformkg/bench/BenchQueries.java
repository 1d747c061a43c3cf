package io.reformkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.aggregate.AggregatorFactory;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * The bench drivers' SPARQL: the competency questions CQ1–CQ8 (test resources
 * {@code server/cq/}), the drivers' own probes ({@code bench/}), and the rewrites some servers
 * or sizes need, made on the parsed query rather than its text.
 */
final class BenchQueries {
    static final List<String> COMPETENCY = List.of("cq1-co-guidance-pairs.rq", "cq2-measures-per-body.rq",
            "cq3-pilot-only.rq", "cq4-declared-present.rq", "cq5-single-body.rq", "cq6-categories-per-body.rq",
            "cq7-changed-bodies.rq", "cq8-measures-in-place.rq");
    /** ARQ reads this graph name as the union of the named graphs. */
    private static final String UNION_GRAPH = "urn:x-arq:UnionGraph";

    private BenchQueries() {
    }

    /** The SPARQL of one of {@link #COMPETENCY}. */
    static String competency(String name) {
        return resource("/server/cq/" + name);
    }

    /** A probe of the drivers, e.g. {@code count-quads}. */
    static String probe(String name) {
        return resource("/bench/" + name + ".rq");
    }

    /** The query over the union of the named graphs, for a server whose default graph is not that union. */
    static String overUnionGraph(String sparql) {
        Query query = QueryFactory.create(sparql);
        query.addGraphURI(UNION_GRAPH);
        return query.serialize();
    }

    /** A listing question asked as the number of rows it lists: {@code SELECT (COUNT(*) AS ?rows) { question }}. */
    static String counted(String sparql) {
        Query listing = QueryFactory.create(sparql);
        Query count = new Query();
        count.setQuerySelectType();
        count.setPrefixMapping(new PrefixMappingImpl().setNsPrefixes(listing.getPrefixMapping()));
        // a subquery has no prologue of its own: its prefixes move to the outer query
        listing.setPrefixMapping(new PrefixMappingImpl());
        count.addResultVar(Var.alloc("rows"), count.allocAggregate(AggregatorFactory.createCount(false)));
        count.setQueryPattern(new ElementSubQuery(listing));
        return count.serialize();
    }

    private static String resource(String name) {
        try (InputStream in = BenchQueries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no query " + name + " in the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
