package io.reformkg.explorer;

import io.reformkg.http.MountedServlet;
import io.reformkg.linkeddata.LinkedData;
import io.reformkg.linkeddata.LinkedDataConfig;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;

/**
 * A real server on a free loopback port, mounted as the production server mounts it: the
 * dataset at /kg, the linked-data servlets, the query API and the explorer; plus a small HTTP
 * client.
 */
final class ExplorerServer implements AutoCloseable {
    private static GraphStore standardStore;

    final FusekiServer server;
    final String root;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ExplorerServer() {
        GraphStore store = standardStore();
        List<MountedServlet> mounted = new ArrayList<>(LinkedData.servlets(store, LinkedDataConfig.defaults()));
        mounted.addAll(Explorer.servlets(store));
        // the endpoint queries the union of the named graphs, as the catalog's queries expect
        Dataset endpoint = DatasetFactory.wrap(store.dataset().getUnionModel());
        FusekiServer.Builder builder = FusekiServer.create().port(0).loopback(true).add("/kg", endpoint);
        for (MountedServlet servlet : mounted) {
            builder.addServlet(servlet.pathSpec(), servlet.servlet());
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

    /** GET a raw path (sent as written, so encoded and dot segments reach the server). */
    HttpResponse<byte[]> get(String rawPath, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + rawPath)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
