package io.reformkg.linkeddata;

import static io.reformkg.linkeddata.LinkedDataServer.xml;
import static io.reformkg.linkeddata.LinkedDataServerTest.nodes;
import static io.reformkg.linkeddata.LinkedDataServerTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.graph.IriScheme;
import io.reformkg.store.GraphStore;
import io.reformkg.vocab.RKG;
import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** With another IRI base the data keeps its IRIs and the server still maps them onto its own root. */
class CustomBaseTest {
    private static final IriScheme IRIS = new IriScheme("http://data.example.org/reform/");
    private static LinkedDataServer server;

    @BeforeAll
    static void start() {
        server = new LinkedDataServer(GraphStore.create().data(Path.of("data")).iris(IRIS).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dataIrisUnderTheBaseAndOntologyTermsResolveLocally() {
        DatasetGraph body = parse(server.dereference("/body/MOST", "text/turtle").body(), Lang.TURTLE, server.root);
        Node most = NodeFactory.createURI(IRIS.body("MOST"));
        assertTrue(body.contains(Node.ANY, most, RDF.type.asNode(), RKG.GuidingBody.asNode()));
        DatasetGraph term = parse(server.dereference("/def/Measure", "text/turtle").body(), Lang.TURTLE, server.root);
        assertTrue(term.contains(Node.ANY, NodeFactory.createURI(IRIS.measure(3, 12)), RDF.type.asNode(),
                RKG.Measure.asNode()), "the ontology keeps its namespace; the measures point at it");
        DatasetGraph dataset = parse(server.get("/.well-known/void", "Accept", "text/turtle").body(), Lang.TURTLE,
                server.root);
        assertTrue(dataset.contains(Node.ANY, NodeFactory.createURI(IRIS.dataset()), VOID.sparqlEndpoint.asNode(),
                NodeFactory.createURI(IRIS.base() + "kg/sparql")));
    }

    @Test
    void pagesLinkToThisServerNotToTheBase() throws Exception {
        NodeList hrefs = nodes(xml(server.get("/list/3/measure/12.html").body()), "//a/@href");
        int local = 0;
        for (int i = 0; i < hrefs.getLength(); i++) {
            String href = hrefs.item(i).getNodeValue();
            assertFalse(href.startsWith(IRIS.base()), href);
            local += href.startsWith("/body/") || href.startsWith("/def/") ? 1 : 0;
        }
        assertTrue(local >= 2, "links to the body and to ontology terms are local");
        assertEquals(404, server.get("/body/NOPE").statusCode());
    }
}
