package io.reformkg.cli;

import io.reformkg.query.Language;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.api.QueryApi;
import io.reformkg.server.ReformServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code serve --check}: asks the started server one question on each of its surfaces over HTTP,
 * as a client would, and says what answered. For deployment checks, and the training run of the
 * build's class-data archive (docs/serving.md, "Start-up").
 */
final class ServeCheck {
    /** A question every list answers, cheaply: the sections' declared and held measures. */
    static final String QUESTION = "cq4-declared-and-held-measures";

    private record Probe(String surface, String path, String accept) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ReformServer server;
    private final QueryCatalog catalog;
    private final Duration timeout;

    ServeCheck(ReformServer server, QueryCatalog catalog, Duration timeout) {
        this.server = server;
        this.catalog = catalog;
        this.timeout = timeout;
    }

    /** Asks every surface; prints one line per answer or failure; true when all answered. */
    boolean run(PrintWriter out) throws InterruptedException {
        String sparql = catalog.get(QUESTION).sparql();
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("SPARQL endpoint", server.sparqlPath() + "?query="
                + URLEncoder.encode(sparql, StandardCharsets.UTF_8), "text/csv"));
        probes.add(new Probe("query API", QueryApi.PATH + "/" + QUESTION + "?format=csv", "text/csv"));
        probes.add(new Probe("linked data (VoID)", "/.well-known/void", "text/turtle"));
        probes.add(new Probe("explorer", "/", "text/html"));
        boolean allAnswered = true;
        for (Probe probe : probes) {
            allAnswered &= ask(probe, out);
        }
        out.println(allAnswered ? "check: every surface answered" : "check failed: some surfaces did not answer");
        out.flush();
        return allAnswered;
    }

    private boolean ask(Probe probe, PrintWriter out) throws InterruptedException {
        URI uri = URI.create(server.root() + probe.path());
        String shown = server.root() + probe.path().replaceFirst("\\?query=.*", "?query=" + QUESTION);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout.multipliedBy(2))
                    .header("Accept", probe.accept())
                    // computed, not a kept answer: the check is of the store and the queries
                    .header("Cache-Control", "no-cache")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() != 200) {
                out.printf("check failed: %s %s answered %d: %s%n", probe.surface(), shown, response.statusCode(),
                        response.body().lines().findFirst().orElse(""));
                return false;
            }
            out.printf("check: %s %s answered 200, %d lines, in %d ms%n", probe.surface(), shown,
                    response.body().lines().count(), millis);
            return true;
        } catch (IOException e) {
            out.printf("check failed: %s %s did not answer: %s%n", probe.surface(), shown, e.getMessage());
            return false;
        }
    }
}
