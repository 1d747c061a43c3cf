package io.reformkg.linkeddata;

import io.reformkg.export.RdfFormat;
import io.reformkg.graph.Prefixes;
import java.io.ByteArrayOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Writes a resource description in an RDF format. TriG and N-Quads keep the graph each
 * statement comes from; the other formats carry the statements of all graphs together, and
 * JSON-LD is compacted with the published context.
 */
final class RdfDocuments {
    private RdfDocuments() {
    }

    static byte[] write(DatasetGraph description, RdfFormat format, JsonLdContext context, String contextUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == RdfFormat.JSONLD) {
            context.write(triples(description), contextUrl, out);
        } else if (format.isDataset()) {
            RDFWriter.source(description).format(readable(format)).output(out);
        } else {
            RDFWriter.source(triples(description)).format(readable(format)).output(out);
        }
        return out.toByteArray();
    }

    /** A description is small, so Turtle and TriG are written grouped by subject rather than streamed. */
    private static RDFFormat readable(RdfFormat format) {
        return switch (format) {
            case TURTLE -> RDFFormat.TURTLE_PRETTY;
            case TRIG -> RDFFormat.TRIG_PRETTY;
            default -> format.format();
        };
    }

    /** Every statement of the description, whichever graph it comes from. */
    private static Graph triples(DatasetGraph description) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(Prefixes.ALL);
        description.find().forEachRemaining(quad -> graph.add(quad.asTriple()));
        return graph;
    }
}
