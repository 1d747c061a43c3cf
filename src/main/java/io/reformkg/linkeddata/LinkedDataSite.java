package io.reformkg.linkeddata;

import io.reformkg.export.RdfExporter;
import io.reformkg.export.RdfFormat;
import io.reformkg.graph.IriScheme;
import io.reformkg.graph.Prefixes;
import io.reformkg.http.Responses;
import io.reformkg.store.GraphStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.VOID;

/**
 * What the linked-data servlets share: the read-only graph, the IRI mapping, the dataset
 * description, and the rendering of a resource's documents and of the dumps.
 */
final class LinkedDataSite {
    static final String STYLESHEET = "linkeddata/style.css";

    private final Dataset data;
    private final IriScheme iris;
    private final String version;
    private final LinkedDataConfig config;
    private final IriMapper mapper;
    private final Model metadata;
    private final ResourceDescriber describer;
    private final Labels labels;
    private final JsonLdContext context;
    private final String stylesheet;
    private final Map<RdfFormat, Dump> dumps = new ConcurrentHashMap<>();

    /** A dump in one format, kept in memory (the graph is read-only) with its gzip form. */
    record Dump(byte[] plain, byte[] gzipped) {
    }

    LinkedDataSite(GraphStore store, LinkedDataConfig config) {
        this.data = store.dataset();
        this.iris = store.iris();
        this.version = store.version();
        this.config = config;
        this.mapper = new IriMapper(iris);
        this.metadata = DatasetDescription.of(store, config);
        DatasetGraph graphs = data.asDatasetGraph();
        this.describer = new ResourceDescriber(graphs, metadata.getGraph());
        this.labels = new Labels(List.of(graphs.getUnionGraph(), metadata.getGraph()), Prefixes.ALL, iris.base());
        this.context = JsonLdContext.load();
        this.stylesheet = resourceText(STYLESHEET);
    }

    IriScheme iris() {
        return iris;
    }

    LinkedDataConfig config() {
        return config;
    }

    IriMapper mapper() {
        return mapper;
    }

    Labels labels() {
        return labels;
    }

    Model metadata() {
        return metadata;
    }

    Dataset data() {
        return data;
    }

    String stylesheet() {
        return stylesheet;
    }

    byte[] contextDocument() {
        return context.bytes();
    }

    Model unionModel() {
        return data.getUnionModel();
    }

    /** The start of every source graph's IRI; the rest is the batch number. */
    String sourceGraphPrefix() {
        String first = iris.sourceGraph(1);
        return first.substring(0, first.length() - 1);
    }

    Optional<Node> licence() {
        return metadata.listObjectsOfProperty(metadata.createResource(iris.dataset()), DCTerms.license)
                .nextOptional().map(licence -> licence.asNode());
    }

    /** The request's path below the context path, as sent (percent-encoded, like the IRIs). */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    boolean exists(String iri) {
        Node node = NodeFactory.createURI(iri);
        return Txn.calculateRead(data, () -> describer.exists(node));
    }

    /** Sends the document describing a resource in one format. */
    void sendDocument(HttpServletRequest request, HttpServletResponse response, String iri, String thingPath,
                      DocumentFormat format) throws IOException {
        ReaderLanguage reader = ReaderLanguage.of(request);
        PageLinks links = new PageLinks(mapper, request, reader);
        Node resource = NodeFactory.createURI(iri);
        byte[] body = Txn.calculateRead(data, () -> {
            DatasetGraph description = describer.describe(resource);
            if (format == DocumentFormat.HTML) {
                return new ResourcePage(this, description, resource, thingPath, links, reader).render()
                        .getBytes(StandardCharsets.UTF_8);
            }
            return RdfDocuments.write(description, format.rdf().orElseThrow(), context,
                    links.absolute(DatasetDescription.CONTEXT_PATH));
        });
        if (format == DocumentFormat.HTML) {
            response.addHeader("Vary", "Accept-Language");
        }
        response.addHeader("Link", "<" + iri + ">; rel=\"describes\"");
        response.addHeader("Link", "<" + links.absolute(DatasetDescription.VOID_PATH) + ">; rel=\""
                + VOID.inDataset.getURI() + "\"");
        String languageTag = format == DocumentFormat.HTML ? "-" + reader.tag() + (reader.chosenByQuery() ? "q" : "") : "";
        Responses.send(request, response, body, format.contentType(),
                "\"" + version + "-" + format.extension() + languageTag + "\"");
    }

    /** The dump in one format, written on first request. */
    Dump dump(RdfFormat format) {
        return dumps.computeIfAbsent(format, key -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            RdfExporter.write(data, out, key);
            byte[] plain = out.toByteArray();
            return new Dump(plain, Responses.gzip(plain));
        });
    }

    String version() {
        return version;
    }

    static String resourceText(String resource) {
        try (InputStream in = LinkedDataSite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
