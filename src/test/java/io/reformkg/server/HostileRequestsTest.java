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
                .queryMemoryBytes(256L * 1024 * 1024).mount(QueryApi.servlets(store, Duration.ofMillis(1500))).mount(Explorer.servlets(store))
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

    private static HttpResponse<byte[]> post(String path, byte[] body, String... headers) {
        return Http.send(HTTP, HttpRequest.newBuilder(URI.create(server.root() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    private static HttpResponse<byte[]> sparql(String query) {
        return get("/kg/sparql?query=" + encode(query), "Accept", SPARQL_JSON);
    }

    /** No Java class name, no stack trace, no exception text in what the client reads. */
    private static void assertPlainRefusal(HttpResponse<byte[]> response) {
        String body = Http.text(response);
        assertFalse(body.matches("(?s).*(Exception|Error\\b|java\\.|org\\.apache|\\bat io\\.).*"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    void aBrowserOpeningTheEndpointGetsAPageAboutIt(String accept) {
        HttpResponse<byte[]> page = get("/kg/sparql", "Accept", accept);
        assertEquals(200, page.statusCode(), Http.text(page));
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(Http.text(page).contains("<a href=\"/#sparql\">SPARQL editor</a>"), Http.text(page));
        assertFalse(Http.text(page).contains("<script"), "no inline script");
    }

    @Test
    void aClientAskingForRdfGetsTheServiceDescription() {
        for (String accept : List.of("text/turtle", "application/n-triples")) {
            HttpResponse<byte[]> description = get("/kg/sparql", "Accept", accept);
            assertEquals(200, description.statusCode());
            org.apache.jena.rdf.model.Model model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
            org.apache.jena.riot.RDFParser.fromString(Http.text(description),
                    org.apache.jena.riot.RDFLanguages.contentTypeToLang(accept)).parse(model);
            assertTrue(model.contains(null, org.apache.jena.vocabulary.RDF.type, model.createResource(
                    "http://www.w3.org/ns/sparql-service-description#Service")), accept);
        }
    }

    @Test
    void aBodyInAnUnknownCharsetIs415() {
        HttpResponse<byte[]> response = post("/kg/sparql", "query=ASK%7B%7D".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/x-www-form-urlencoded; charset=no-such-charset");
        assertEquals(415, response.statusCode(), Http.text(response));
        assertPlainRefusal(response);
    }

    @Test
    void aQueryNestedTooDeeplyIs400() {
        String query = "SELECT * { FILTER(" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ") }";
        HttpResponse<byte[]> response = post("/kg/sparql", query.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/sparql-query", "Accept", SPARQL_JSON);
        assertEquals(400, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).startsWith("the query is nested too deeply"), Http.text(response));
        assertPlainRefusal(response);
        assertEquals(200, sparql("ASK {}").statusCode(), "the server still answers");
    }

    /** The 503 named the server's timeout even when the request's own, shorter, had cut the query. */
    @Test
    void aQueryCutByItsOwnTimeoutSaysSo() {
        String query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        HttpResponse<byte[]> response = get("/kg/sparql?timeout=0.2&query=" + encode(query), "Accept", SPARQL_JSON);
        assertEquals(503, response.statusCode(), Http.text(response));
        assertEquals("the query ran longer than the timeout=0.2 seconds the request asked for and was cancelled "
                + "(the server's own timeout is 1500 ms)", Http.text(response).strip());
        assertPlainRefusal(response);
        assertEquals(200, sparql("ASK {}").statusCode(), "the server still answers");
    }

    /** 45,000 FILTERs overflowed the stack: a 500 naming StackOverflowError. */
    @Test
    void aQueryOfFortyFiveThousandFiltersIsRefusedNotCrashed() {
        String query = "SELECT * { ?s ?p ?o " + "FILTER(?o) ".repeat(45_000) + "}";
        long start = System.nanoTime();
        HttpResponse<byte[]> response = post("/kg/sparql", query.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/sparql-query", "Accept", SPARQL_JSON);
        // the stack runs out while the query is planned, unless this server's short timeout comes first
        assertTrue(response.statusCode() == 400 && Http.text(response).startsWith("the query is too long or too "
                + "deeply built for this server") || response.statusCode() == 503 && Http.text(response)
                .startsWith("the query ran longer than the server's timeout"),
                response.statusCode() + " " + Http.text(response));
        assertPlainRefusal(response);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "answered within 10 s");
        assertEquals(200, sparql("ASK {}").statusCode(), "the server still answers");
    }

    @Test
    void aKeywordWithABackslashIsSearchedForNotRefused() throws IOException {
        HttpResponse<byte[]> response = get("/api/queries/explorer-search?keyword=" + encode("\\"));
        assertEquals(200, response.statusCode(), Http.text(response));
        assertEquals(0, JSON.readTree(response.body()).get("count").asInt(), "no measure contains a backslash");
    }

    /** A text that names nothing in the data was dropped as a filter: every row came back. */
    @ParameterizedTest
    @ValueSource(strings = {"explorer-measure?measure=a%20b", "explorer-search?place=a%20b%201",
        "explorer-search?category=https://w3id.org/reform-kg/category/no-such", "explorer-network?category=x",
        "explorer-measure-bodies?measure=https://w3id.org/reform-kg/list/3/measure/999"})
    void anIriParameterNamingNothingIs400NamingTheParameter(String target) {
        HttpResponse<byte[]> response = get("/api/queries/" + target);
        assertEquals(400, response.statusCode(), target + ": " + Http.text(response));
        String parameter = target.substring(target.indexOf('?') + 1, target.indexOf('='));
        assertTrue(Http.text(response).startsWith("parameter " + parameter + ": nothing in the data has the IRI"),
                Http.text(response));
        assertPlainRefusal(response);
    }

    /** A facet the counts do not know answered 200 with no rows, as if nothing matched. */
    @Test
    void aChoiceOutsideItsValuesIs400ListingThem() throws IOException {
        HttpResponse<byte[]> response = get("/api/queries/explorer-search-counts?facet=xyz");
        assertEquals(400, response.statusCode(), Http.text(response));
        assertEquals("parameter facet takes one of all, category, body, scope; found \"xyz\"", Http.text(response).strip());
        assertPlainRefusal(response);
        HttpResponse<byte[]> total = get("/api/queries/explorer-search-counts?facet=all");
        assertEquals(16, JSON.readTree(total.body()).get("rows").get(0).get("measures").asInt());
    }

    @Test
    void anIriParameterNamingAMeasureAnswersForThatMeasure() throws IOException {
        HttpResponse<byte[]> response = get("/api/queries/explorer-measure?measure="
                + encode("https://w3id.org/reform-kg/list/3/measure/12"));
        assertEquals(200, response.statusCode(), Http.text(response));
        JsonNode rows = JSON.readTree(response.body()).get("rows");
        assertEquals(1, rows.size());
        assertEquals(12, rows.get(0).get("number").asInt());
    }

    /** A 2 KB gzip body inflating to 2 MB was answered 200; a large one kept both cores busy for minutes. */
    @Test
    void aCompressedBodyIsRefusedUnread() throws IOException {
        String query = "SELECT * { ?s ?p ?o } LIMIT 1 #" + " ".repeat(2 * 1024 * 1024);
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
            out.write(query.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(gzipped.size() < 10_000);
        long start = System.nanoTime();
        HttpResponse<byte[]> response = post("/kg/sparql", gzipped.toByteArray(), "Content-Type",
                "application/sparql-query", "Content-Encoding", "gzip", "Accept", SPARQL_JSON);
        assertEquals(415, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).startsWith("compressed request bodies"), Http.text(response));
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
    }

    /** SERVICE made the server connect anywhere: ports, internal hosts, back into itself. */
    @Test
    void serviceIsRefusedAndNoConnectionIsMade() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
            Thread accepting = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (java.net.Socket ignored = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            String target = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
            String self = server.root() + "/kg/sparql";
            for (String query : List.of("SELECT * { SERVICE <" + target + "> { ?s ?p ?o } }",
                    "SELECT * { VALUES ?e { <" + target + "> <" + target + "2> } SERVICE ?e { ?s ?p ?o } }",
                    "SELECT * { SERVICE SILENT <" + target + "> { ?s ?p ?o } }",
                    "ASK { FILTER EXISTS { SERVICE <" + target + "> { ?s ?p ?o } } }",
                    "SELECT * { { SELECT * { SERVICE <" + self + "> { SERVICE <" + target + "> { ?s ?p ?o } } } } }")) {
                HttpResponse<byte[]> response = sparql(query);
                assertEquals(400, response.statusCode(), query + ": " + Http.text(response));
                assertTrue(Http.text(response).startsWith("SERVICE is not allowed here"), Http.text(response));
            }
            Thread.sleep(200);
            assertEquals(0, connections.get(), "connections made to the listener");
        }
    }

    /** {@code <java:…>} loaded any function class on the class path by name. */
    @ParameterizedTest
    @ValueSource(strings = {"SELECT (<java:org.apache.jena.sparql.function.library.sqrt>(4) AS ?x) {}",
        "SELECT * { FILTER(<java:org.apache.jena.sparql.function.library.sqrt>(4) = 2) }",
        "SELECT * { ?x <java:org.apache.jena.sparql.pfunction.library.strSplit> (\"a b\" \" \") }"})
    void javaIrisAreRefused(String query) {
        HttpResponse<byte[]> response = sparql(query);
        assertEquals(400, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).contains("is not allowed: only SPARQL's and Jena's standard functions"),
                Http.text(response));
    }

    /** Doubling a string thirty times in BINDs ran out of heap (500) 49 s past the timeout. */
    @Test
    void aQueryDoublingAStringIsStoppedAtTheLongestString() throws IOException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = sparql("SELECT (STRLEN(?s30) AS ?n) { " + doubling(30) + "}");
        assertEquals(503, response.statusCode(), Http.text(response));
        assertEquals("the query would build a string of 33554432 characters; the server builds none longer than "
                + "16777216 (part of its memory budget for one query), so the query was cancelled",
                Http.text(response).strip());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped within 5 s");
        assertHealthy();
    }

    /** BINDs "ab" doubled {@code times} times: ?s0 … ?sN. */
    private static String doubling(int times) {
        StringBuilder binds = new StringBuilder("BIND(\"ab\" AS ?s0) ");
        for (int i = 1; i <= times; i++) {
            binds.append("BIND(CONCAT(?s").append(i - 1).append(", ?s").append(i - 1).append(") AS ?s").append(i)
                    .append(") ");
        }
        return binds.toString();
    }

    /** Strings under the longest, copied again and again: held to the query's memory budget (256 MiB here). */
    @Test
    void aQueryAllocatingPastItsBudgetIsStopped() throws IOException {
        StringBuilder query = new StringBuilder("SELECT (STRLEN(?u40) AS ?n) { " + doubling(22) + "BIND(?s22 AS ?u0) ");
        for (int i = 1; i <= 40; i++) {
            query.append("BIND(").append(i % 2 == 0 ? "UCASE" : "LCASE").append("(?u").append(i - 1).append(") AS ?u")
                    .append(i).append(") ");
        }
        query.append('}');
        long start = System.nanoTime();
        HttpResponse<byte[]> response = sparql(query.toString());
        assertEquals(503, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).startsWith("the query allocated more than 256 MiB, the server's memory budget "
                + "for one query, and was cancelled"), Http.text(response));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped within 5 s");
        assertHealthy();
    }

    /** REPLACE multiplies a string's length in one call: checked before it builds. */
    @Test
    void aReplaceThatWouldBuildAHugeStringIsStopped() {
        String query = "SELECT (STRLEN(?r) AS ?n) { BIND(REPLACE(REPLACE(\"" + "x".repeat(1000) + "\", \"x\", \""
                + "y".repeat(1000) + "\"), \"y\", \"" + "z".repeat(1000) + "\") AS ?r) }";
        HttpResponse<byte[]> response = sparql(query);
        assertEquals(503, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).startsWith("the query would build a string of 1001001000 characters"),
                Http.text(response));
    }

    private static void assertHealthy() throws IOException {
        assertHealthy(server);
    }

    /** The server answers, no query is left running, and its heap is below its maximum. */
    static void assertHealthy(ReformServer target) throws IOException {
        JsonNode figures = JSON.createObjectNode();
        // the refusal is sent before the query's turn is handed back: allow it a moment
        for (int tries = 0; tries < 50; tries++) {
            HttpResponse<byte[]> status = Http.send(HTTP, HttpRequest.newBuilder(URI.create(target.root() + "/$/status")));
            assertEquals(200, status.statusCode());
            figures = JSON.readTree(status.body());
            if (figures.get("queries").get("running").asInt() == 0) {
                break;
            }
            sleep(20);
        }
        assertTrue(figures.get("heap").get("usedBytes").asLong() < figures.get("heap").get("maxBytes").asLong());
        assertTrue(figures.get("threads").asInt() > 0);
        assertEquals(0, figures.get("queries").get("running").asInt(), "no query left running");
        HttpResponse<byte[]> ask = Http.send(HTTP, HttpRequest.newBuilder(URI.create(target.root() + "/kg/sparql?query="
                + encode("ASK { ?s ?p ?o }"))), "Accept", SPARQL_JSON);
        assertEquals(200, ask.statusCode());
        assertTrue(JSON.readTree(ask.body()).get("boolean").asBoolean());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyResponseCarriesTheBrowserSafetyHeaders() {
        for (String path : List.of("/", "/explorer/app.js", "/kg/sparql", "/kg/sparql?query=" + encode("ASK {}"),
                "/kg/sparql?query=" + encode("SELECT"), "/no/such/path", "/$/ping", "/$/status",
                "/list/3/measure/12.html", "/api/queries/cq2-measures-per-body", "/api/queries/no-such")) {
            HttpResponse<byte[]> response = get(path, "Accept", "text/html,*/*;q=0.8");
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null), path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'none'"),
                    path + ": " + policy);
        }
    }

    /** The server trusts no proxy: X-Forwarded-For cannot make one client many. */
    @Test
    void forwardedForFromAnUntrustedClientDoesNotSplitIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(14);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                String spoofed = "198.51.100." + i;
                String query = DEEP_PATH + " # " + i + " " + System.nanoTime();
                statuses.add(pool.submit(() -> get("/kg/sparql?query=" + encode(query), "Accept", SPARQL_JSON,
                        "X-Forwarded-For", spoofed).statusCode()));
            }
            int refused = 0;
            for (Future<Integer> status : statuses) {
                assertTrue(Set.of(429, 503).contains(status.get()), "answered " + status.get());
                refused += status.get() == 429 ? 1 : 0;
            }
            assertEquals(4, refused, "one client: 2 running and 8 waiting, the rest refused");
        } finally {
            pool.shutdownNow();
        }
        assertHealthy();
    }

    /** Public, read-only data: any page may read it, computed or kept, and POST a query after a preflight. */
    @Test
    void pagesOfAnySiteMayReadAnswers() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> answer = get("/kg/sparql?query=" + encode("ASK { ?s a ?t }"), "Accept", SPARQL_JSON,
                    "Origin", "https://elsewhere.example");
            assertEquals(200, answer.statusCode());
            assertEquals(i == 0 ? "miss" : "hit", answer.headers().firstValue("X-Cache").orElse(null));
            assertEquals("*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
        HttpResponse<byte[]> preflight = Http.send(HTTP, HttpRequest.newBuilder(URI.create(server.root() + "/kg/sparql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
    }

    @Test
    void traceIsRefused() {
        for (String path : List.of("/", "/kg/sparql", "/list/3/measure/12")) {
            HttpResponse<byte[]> response = Http.send(HTTP, HttpRequest.newBuilder(URI.create(server.root() + path))
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()), "X-Secret", "echo-me");
            assertEquals(405, response.statusCode(), path);
            assertFalse(Http.text(response).contains("echo-me"), Http.text(response));
        }
    }

    /** stylesheet= went unescaped into the XML answer; callback= put any text before the JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"stylesheet=%22%3F%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "callback=alert(1)%2F%2F"})
    void stylesheetAndCallbackAreRefused(String parameter) {
        HttpResponse<byte[]> response = get("/kg/sparql?query=" + encode("SELECT * { ?s ?p ?o } LIMIT 1") + "&"
                + parameter, "Accept", "application/sparql-results+xml");
        assertEquals(400, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).contains("is not offered by this endpoint"), Http.text(response));
        assertFalse(Http.text(response).contains("<script>"));
    }
}
