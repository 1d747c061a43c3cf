package io.reformkg.explorer;

import io.reformkg.query.api.QueryApi;
import io.reformkg.server.ReformServer;
import io.reformkg.store.GraphStore;
import io.reformkg.testing.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * The production server ({@link ReformServer}) on a free loopback port with the query API and the
 * explorer mounted, as {@code reform-kg serve} mounts them; plus a small HTTP client.
 */
final class ExplorerServer implements AutoCloseable {
    private static GraphStore standardStore;

    final ReformServer server;
    final String root;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ExplorerServer() {
        GraphStore store = standardStore();
        this.server = ReformServer.create().store(store).port(0)
                .mount(QueryApi.servlets(store, ReformServer.DEFAULT_TIMEOUT))
                .mount(Explorer.servlets(store))
                .build().start();
        this.root = server.root();
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
        return Http.send(http, request, headers);
    }

    static String text(HttpResponse<byte[]> response) {
        return Http.text(response);
    }

    @Override
    public void close() {
        server.stop();
    }
}
