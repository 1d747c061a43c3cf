package io.reformkg.linkeddata;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;

/**
 * The published JSON-LD context ({@code linkeddata/context.jsonld}, served at
 * {@code /context.jsonld}): short keys such as {@code title}, {@code category} and
 * {@code label} for the graph's terms. Descriptions are compacted with it and refer to it by
 * URL, so a JSON client reads plain keys and an RDF client still gets every triple.
 */
final class JsonLdContext {
    static final String RESOURCE = "linkeddata/context.jsonld";

    private final byte[] bytes;
    private final JsonDocument document;

    private JsonLdContext(byte[] bytes) throws JsonLdError {
        this.bytes = bytes;
        this.document = JsonDocument.of(new ByteArrayInputStream(bytes));
    }

    static JsonLdContext load() {
        try (InputStream in = JsonLdContext.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + "; rebuild it with mvn package");
            }
            return new JsonLdContext(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (JsonLdError e) {
            throw new IllegalStateException(RESOURCE + " is not valid JSON-LD: " + e.getMessage(), e);
        }
    }

    /** The context document as served. */
    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Writes a graph as JSON-LD compacted with this context; the document's {@code @context}
     * is {@code contextUrl}, where the same context is served.
     */
    void write(Graph graph, String contextUrl, OutputStream out) {
        ByteArrayOutputStream expanded = new ByteArrayOutputStream();
        RDFWriter.source(graph).format(RDFFormat.JSONLD11).output(expanded);
        JsonObject compacted;
        try {
            compacted = JsonLd.compact(JsonDocument.of(new ByteArrayInputStream(expanded.toByteArray())), document)
                    .ordered(true).get();
        } catch (JsonLdError e) {
            throw new IllegalStateException("cannot compact the JSON-LD description: " + e.getMessage(), e);
        }
        // the context URL first, then the compacted body, so a reader sees what the keys mean
        JsonObjectBuilder published = Json.createObjectBuilder().add("@context", contextUrl);
        compacted.forEach((key, value) -> {
            if (!key.equals("@context")) {
                published.add(key, value);
            }
        });
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(published.build());
        }
    }
}
