package io.reformkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.explorer.Explorer;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and abusive requests against the production server with every feature mounted:
 * traversal on file-serving routes, Unicode oddities in keyword search, unknown media types,
 * and queries built to exhaust the server. None may read a file outside the served set, answer
 * 5xx for bad input, or starve other clients.
 */
class HostileRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPARQL_JSON = "application/sparql-results+json";
    private static final String DEEP_PATH = "SELECT * { ?a (<urn:x:p>|!<urn:x:p>)* ?b . ?b (<urn:x:p>|!<urn:x:p>)* ?c }";

    private static GraphStore store;
    private static ReformServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        store = GraphStore.create().data(Path.of("data")).build();
        server = ReformServer.create().store(store).port(0).timeout(Duration.ofMillis(1500))
                .mount(QueryApi.servlets(store, Duration.ofMillis(1500))).mount(Explorer.servlets(store))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    private static HttpResponse<byte[]> get(String rawPath, String... headers) {
        return Http.send(HTTP, HttpRequest.newBuilder(URI.create(server.root() + rawPath)).GET(), headers);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void anOversizedQueryStringIs413WithWhereToSendIt() {
        String padding = "x".repeat(RequestLimitFilter.MAX_QUERY_STRING_BYTES);
        for (String path : List.of("/kg/sparql?query=" + encode("SELECT * { ?s ?p ?o } #" + padding),
                "/api/queries/keyword-search?keyword=" + padding, "/list/3/measure/12?x=" + padding)) {
            HttpResponse<byte[]> response = get(path);
            assertEquals(413, response.statusCode(), path.substring(0, 30));
            assertTrue(Http.text(response).contains("send a longer query by POST"), Http.text(response));
        }
    }

    /** Traversal that stays below the root reaches the file routes, which serve only names they know. */
    @ParameterizedTest
    @ValueSource(strings = {"/download/../pom.xml", "/download/..%2f..%2fpom.xml", "/download/%2e%2e/pom.xml",
        "/download/..%5c..%5cpom.xml", "/explorer/../pom.xml", "/explorer/%2e%2e/pom.xml", "/explorer/..%5c..%5cpom.xml",
        "/explorer/%2e%2e%2fpom.xml", "/webjars/../pom.xml", "/webjars/%2e%2e/META-INF/MANIFEST.MF",
        "/webjars/..%2f..%2f..%2f..%2fetc%2fpasswd", "/download/%2e%2e%5c%2e%2e%5cpom.xml"})
    void traversalOnFileRoutesIsNotFound(String path) {
        HttpResponse<byte[]> response = get(path);
        assertEquals(404, response.statusCode(), path + " answered " + response.statusCode());
        assertServesNoFile(path, response);
    }

    /**
     * A path that climbs above the root, or holds a NUL, names no resource at all: the HTTP layer
     * refuses it with 400 before any route runs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/explorer/../../pom.xml", "/download/%2e%2e/%2e%2e/pom.xml",
        "/webjars/../../../../etc/passwd", "/webjars/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/download/%00reform-kg.ttl"})
    void pathsAboveTheRootAreRefusedAsMalformed(String path) {
        HttpResponse<byte[]> response = get(path);
        assertEquals(400, response.statusCode(), path + " answered " + response.statusCode());
        assertServesNoFile(path, response);
    }

    private static void assertServesNoFile(String path, HttpResponse<byte[]> response) {
        String body = Http.text(response);
        assertFalse(body.contains("<artifactId>") || body.contains("root:x:0:0") || body.contains("Manifest-Version"),
                path + " leaked a file");
        assertFalse(body.contains("at io.reformkg") || body.contains("at org.eclipse"), path + " showed a stack trace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"知识\u200B产权", "\u200B", "\uFEFF知识产权", "ＩＰ知识产权", "知识产权\uD83D\uDE00",
        "\u0000", "知识产权\u202E", "\u3000\u3000", "Ａ\u0301"})
    void unicodeEdgeCasesInKeywordSearchAreAnsweredNotCrashed(String keyword) throws IOException {
        for (String query : List.of("keyword-search", "keyword-search-text")) {
            HttpResponse<byte[]> response = get("/api/queries/" + query + "?keyword=" + encode(keyword));
            assertTrue(response.statusCode() == 200 || response.statusCode() == 400,
                    query + " with " + keyword.codePoints().boxed().toList() + " answered " + response.statusCode()
                            + ": " + Http.text(response));
            if (response.statusCode() == 200) {
                JsonNode answer = JSON.readTree(response.body());
                assertEquals(answer.get("rows").size(), answer.get("count").asInt());
            }
        }
    }

    @Test
    void malformedUtf8InAParameterIsABadRequest() {
        for (String path : List.of("/api/queries/keyword-search?keyword=%ED%A0%80%FF", "/list/3/measure/12.html?lang=%FF",
                "/?lang=%C0%AF")) {
            HttpResponse<byte[]> response = get(path);
            assertTrue(response.statusCode() == 400 || response.statusCode() == 200 && !path.startsWith("/api"),
                    path + " answered " + response.statusCode() + ": " + Http.text(response));
            assertFalse(Http.text(response).contains("Exception"), Http.text(response));
        }
    }

    @Test
    void zeroWidthCharactersDoNotMatchEverything() throws IOException {
        HttpResponse<byte[]> response = get("/api/queries/keyword-search?keyword=" + encode("\u200B"));
        assertEquals(200, response.statusCode(), Http.text(response));
        assertEquals(0, JSON.readTree(response.body()).get("count").asInt());
    }

    @Test
    void unknownMediaTypesAreRefused() {
        HttpResponse<byte[]> notAcceptable = get("/api/queries/cq2-measures-per-body", "Accept", "application/x-unheard-of");
        assertEquals(406, notAcceptable.statusCode(), Http.text(notAcceptable));
        HttpResponse<byte[]> unsupported = Http.send(HTTP, HttpRequest.newBuilder(URI.create(server.root() + "/kg/sparql"))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT * { ?s ?p ?o } LIMIT 1")),
                "Content-Type", "application/x-unheard-of");
        assertEquals(415, unsupported.statusCode(), Http.text(unsupported));
        String query = "/kg/sparql?query=" + encode("SELECT * { ?s ?p ?o } LIMIT 1");
        HttpResponse<byte[]> unheardOf = get(query, "Accept", "application/x-unheard-of");
        assertEquals(406, unheardOf.statusCode(), Http.text(unheardOf));
        assertTrue(Http.text(unheardOf).startsWith("cannot answer in application/x-unheard-of; the endpoint answers in "
                + "application/sparql-results+json"), Http.text(unheardOf));
        assertEquals(200, get(query, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").statusCode(), "a browser");
        assertEquals(200, get(query, "Accept", "text/csv").statusCode());
        assertEquals(406, get("/kg/data?default", "Accept", "image/png").statusCode());
    }

    @Test
    void deepPropertyPathsAndHugeLimitsAreCutOff() {
        for (String sparql : List.of(DEEP_PATH, "SELECT * { ?s ?p ?o . ?x ?y ?z } LIMIT 1000000000")) {
            HttpResponse<byte[]> response = get("/kg/sparql?query=" + encode(sparql), "Accept", SPARQL_JSON);
            assertTrue(Set.of(400, 503).contains(response.statusCode()),
                    sparql + " answered " + response.statusCode());
        }
    }

    @Test
    void manyConcurrentSlowQueriesDoNotStarveOtherClients() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                slow.add(pool.submit(() -> get("/kg/sparql?query=" + encode(DEEP_PATH), "Accept", SPARQL_JSON)
                        .statusCode()));
            }
            for (int i = 0; i < 5; i++) {
                HttpResponse<byte[]> answer = get("/api/queries/cq2-measures-per-body?format=json");
                assertEquals(200, answer.statusCode());
                assertEquals(13, JSON.readTree(answer.body()).get("count").asInt());
            }
            for (Future<Integer> status : slow) {
                assertTrue(Set.of(400, 503).contains(status.get()), "a slow query answered " + status.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
