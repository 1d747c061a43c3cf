package io.reformkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.vocab.ELI;
import io.reformkg.vocab.RKG;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The batch's context answers every find as a plain in-memory graph does, its types from their own index. */
class BatchContextTest {
    private static final Node BODY = NodeFactory.createURI("https://example.org/body/1");
    private static final Node MEASURE = NodeFactory.createURI("https://example.org/measure/1");
    private static final Node TYPE = RDF.type.asNode();

    @Test
    void findsWhatAPlainGraphFindsHoweverTheTriplesWereAdded() {
        Graph plain = GraphFactory.createDefaultGraph();
        plain.add(Triple.create(BODY, TYPE, RKG.GuidingBody.asNode()));
        plain.add(Triple.create(MEASURE, TYPE, RKG.Measure.asNode()));
        plain.add(Triple.create(MEASURE, ELI.responsibility_of.asNode(), BODY));
        Graph inferred = GraphFactory.createDefaultGraph();
        inferred.add(Triple.create(BODY, RKG.guides.asNode(), MEASURE));
        inferred.add(Triple.create(BODY, TYPE, RKG.CoGuidance.asNode()));

        BatchContext context = new BatchContext();
        GraphUtil.addInto(context, plain);
        inferred.find().forEachRemaining(context::add);
        GraphUtil.addInto(plain, inferred);

        assertEquals(Set.of(RKG.GuidingBody.asNode(), RKG.CoGuidance.asNode()),
                context.find(BODY, TYPE, Node.ANY).mapWith(Triple::getObject).toSet());
        for (Triple pattern : new Triple[] {Triple.createMatch(BODY, TYPE, null), Triple.createMatch(null, TYPE, null),
                Triple.createMatch(BODY, null, null), Triple.createMatch(null, null, MEASURE),
                Triple.createMatch(MEASURE, TYPE, RKG.Measure.asNode()), Triple.createMatch(null, null, null)}) {
            assertEquals(plain.find(pattern).toSet(), context.find(pattern).toSet(), pattern.toString());
        }
        assertTrue(context.contains(BODY, TYPE, RKG.CoGuidance.asNode()));
        assertFalse(context.contains(MEASURE, TYPE, RKG.GuidingBody.asNode()));
        assertEquals(plain.size(), context.size());
    }

    @Test
    void onlyGrows() {
        BatchContext context = new BatchContext();
        Triple typed = Triple.create(BODY, TYPE, RKG.GuidingBody.asNode());
        context.add(typed);
        assertThrows(UnsupportedOperationException.class, () -> context.delete(typed));
        assertThrows(UnsupportedOperationException.class, () -> context.remove(BODY, Node.ANY, Node.ANY));
        assertThrows(UnsupportedOperationException.class, context::clear);
        assertTrue(context.contains(typed), "a refused removal leaves the type in place");
    }
}
