package io.reformkg.linkeddata;

import io.reformkg.testing.Http;
import io.reformkg.http.MountedServlet;
import io.reformkg.store.GraphStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3c.dom.Document;

/**
 * A real Fuseki server on a free loopback port with the dataset at /kg and the linked-data
 * servlets mounted beside it, as the production server mounts them; plus a small HTTP client.
 */
final class LinkedDataServer implements AutoCloseable {
    private static GraphStore standardStore;

    final GraphStore store;
    final FusekiServer server;
    final String root;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    LinkedDataServer(GraphStore store) {
        this.store = store;
        FusekiServer.Builder builder = FusekiServer.create().port(0).loopback(true).add("/kg", store.dataset());
        for (MountedServlet mounted : LinkedData.servlets(store, LinkedDataConfig.defaults()).servlets()) {
            builder.addServlet(mounted.pathSpec(), mounted.servlet());
        }
        this.server = builder.build().start();
        this.root = "http://127.0.0.1:" + server.getHttpPort();
    }

    /** The store built from the project's data folder, shared by the tests of this package. */
    static synchronized GraphStore standardStore() {
        if (standardStore == null) {
            standardStore = GraphStore.create().data(Path.of("data")).build();
        }
        return standardStore;
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : root + path))
                .GET();
        return Http.send(http, request, headers);
    }

    /** GET, then follow one 303 as a browser or RDF client would; fails on anything but 303 first. */
    HttpResponse<byte[]> dereference(String path, String accept) {
        HttpResponse<byte[]> first = get(path, "Accept", accept);
        if (first.statusCode() != 303) {
            throw new AssertionError("expected 303 for " + path + " (" + accept + "), got " + first.statusCode()
                    + ": " + text(first));
        }
        String location = first.headers().firstValue("Location").orElseThrow();
        return get(URI.create(root + path).resolve(location).toString(), "Accept", accept);
    }

    static String text(HttpResponse<byte[]> response) {
        return Http.text(response);
    }

    static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a page as XML: the pages are well-formed, so a parse failure is a defect. */
    static Document xml(byte[] page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
