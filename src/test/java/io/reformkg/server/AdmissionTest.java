package io.reformkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.http.Admission;
import io.reformkg.query.api.QueryApi;
import io.reformkg.store.GraphStore;
import io.reformkg.testing.Http;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One client flooding the server with slow queries, behind a proxy the server trusts: it gets
 * 429 past its share, its queued queries end by their deadline (counted from arrival), its
 * query time per minute runs out, and the other clients are answered meanwhile. Also the
 * CONSTRUCT and DESCRIBE caps, on a server with a small row cap.
 */
class AdmissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPARQL_JSON = "application/sparql-results+json";
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a (<urn:x:p>|!<urn:x:p>)* ?b . "
            + "?b (<urn:x:p>|!<urn:x:p>)* ?c }";
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final String PROXY = "127.0.0.1";

    private static GraphStore store;
    private static ReformServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        store = GraphStore.create().data(Path.of("data")).build();
        server = ReformServer.create().store(store).port(0).timeout(TIMEOUT).maxResultRows(1000)
                .admission(Admission.create().running(4).waiting(32).clientRunning(2).clientWaiting(2)
                        .clientTime(Duration.ofSeconds(3)).trustedProxies(List.of(PROXY)).build())
                .mount(QueryApi.servlets(store, TIMEOUT)).build().start();
        // the query catalog is read by the first query API request: not beside the flood
        assertEquals(200, get("192.0.2.1", "/api/queries").statusCode());
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    private static HttpResponse<byte[]> get(String client, String path, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Forwarded-For", "192.0.2.200, " + client));
        all.addAll(List.of(headers));
        return Http.send(HTTP, HttpRequest.newBuilder(URI.create(server.root() + path)).GET(), all.toArray(String[]::new));
    }

    private static String sparql(String query) {
        return "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private record Timed(int status, long millis, String retryAfter, String body) {
    }

    private static Timed timed(String client, String path, String... headers) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get(client, path, headers);
        return new Timed(response.statusCode(), (System.nanoTime() - start) / 1_000_000,
                response.headers().firstValue("Retry-After").orElse(null), Http.text(response));
    }

    @Test
    void aFloodingClientGets429PastItsShareWhileOthersAreAnswered() throws Exception {
        String abuser = "203.0.113.9";
        String polite = "198.51.100.7";
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Timed>> flood = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // each query differs, so none is a kept answer
                flood.add(pool.submit(() -> timed(abuser, sparql(SLOW + " # " + System.nanoTime()), "Accept",
                        SPARQL_JSON)));
            }
            Thread.sleep(300);
            Timed ask = timed(polite, sparql("ASK { ?s ?p ?o }"), "Accept", SPARQL_JSON);
            assertEquals(200, ask.status(), ask.body());
            assertTrue(ask.millis() < 1000, "ASK took " + ask.millis() + " ms beside the flood");
            Timed named = timed(polite, "/api/queries/cq2-measures-per-body?format=json", "Cache-Control", "no-cache");
            assertEquals(200, named.status(), named.body());
            assertEquals(13, JSON.readTree(named.body()).get("count").asInt());
            assertTrue(named.millis() < 1000, "a named query took " + named.millis() + " ms beside the flood");
            Timed page = timed(polite, "/list/3/measure/12.ttl");
            assertEquals(200, page.status());
            assertTrue(page.millis() < 1000, "a linked-data page took " + page.millis() + " ms beside the flood");

            int refused = 0;
            for (Future<Timed> answer : flood) {
                Timed timed = answer.get();
                assertTrue(timed.status() == 429 || timed.status() == 503, timed.status() + " " + timed.body());
                if (timed.status() == 429) {
                    refused++;
                    assertTrue(timed.body().startsWith("you have 4 queries in progress, the server's limit per client"),
                            timed.body());
                    assertEquals("1", timed.retryAfter());
                }
                // the deadline counts from arrival: a query that waited for its turn is not given a fresh timeout
                assertTrue(timed.millis() < TIMEOUT.toMillis() + 1500, "answered after " + timed.millis() + " ms");
            }
            assertEquals(8, refused, "12 queries, 2 running and 2 waiting allowed");
        } finally {
            pool.shutdownNow();
        }
        HostileRequestsTest.assertHealthy(server);
    }

    @Test
    void aClientsQueryTimePerMinuteRunsOut() {
        String client = "192.0.2.77";
        Timed last = null;
        int slow = 0;
        for (; slow < 6; slow++) {
            last = timed(client, sparql(SLOW + " # " + System.nanoTime()), "Accept", SPARQL_JSON);
            if (last.status() == 429) {
                break;
            }
            assertEquals(503, last.status(), last.body());
            assertTrue(last.body().startsWith("the query ran longer than the server's timeout"), last.body());
        }
        assertEquals(429, last.status(), "after " + slow + " queries of 1.5 s: " + last.body());
        assertEquals(3, slow, "3 s of query time: the fourth query of 1.5 s is refused");
        assertTrue(last.body().startsWith("your queries used 3 s of query time in the last minute"), last.body());
        assertTrue(Long.parseLong(last.retryAfter()) >= 1, last.retryAfter());
        Timed other = timed("192.0.2.78", sparql("ASK {}"), "Accept", SPARQL_JSON);
        assertEquals(200, other.status(), "another client is not held to the first one's time");
    }

    @Test
    void constructAndDescribeAreCappedLikeSelect() {
        for (String query : List.of("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "DESCRIBE ?s WHERE { ?s ?p ?o }")) {
            Timed capped = timed("192.0.2." + query.length(), sparql(query), "Accept", "text/turtle");
            assertEquals(400, capped.status(), query + ": " + capped.body());
            assertTrue(capped.body().startsWith("the result has more than 1000 triples, the server's limit"),
                    capped.body());
        }
        HttpResponse<byte[]> small = get("192.0.2.5", sparql("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10"),
                "Accept", "text/turtle");
        assertEquals(200, small.statusCode());
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(Http.text(small), Lang.TURTLE).parse(model);
        assertEquals(10, model.size());
    }

    @Test
    void theStatusShowsHeapThreadsAndQueries() throws IOException {
        JsonNode status = JSON.readTree(get("192.0.2.6", "/$/status").body());
        assertTrue(status.get("heap").get("usedBytes").asLong() > 0);
        assertTrue(status.get("heap").get("maxBytes").asLong() >= status.get("heap").get("usedBytes").asLong());
        assertTrue(status.get("threads").asInt() > 1);
        assertTrue(status.get("queries").has("running") && status.get("queries").has("waiting"), status.toString());
    }
}
