package io.reformkg.query.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.http.MountedServlet;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.QueryCatalogTest;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query API over HTTP on a real Fuseki server on a free loopback port. */
class QueryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GraphStore store;
    private static FusekiServer server;
    private static String root;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A catalog of one deliberately expensive query, served with a short timeout at {@link #SLOW_PATH}. */
    @TempDir
    static Path slowCatalog;
    private static final String SLOW_PATH = "/api/slow";
    private static final Duration SLOW_TIMEOUT = Duration.ofMillis(300);

    @BeforeAll
    static void start() throws IOException {
        store = GraphStore.create().data(Path.of("data")).build();
        FusekiServer.Builder builder = FusekiServer.create().port(0).loopback(true).add("/kg", store.dataset());
        for (MountedServlet mounted : QueryApi.servlets(store, Duration.ofSeconds(10))) {
            builder.addServlet(mounted.pathSpec(), mounted.servlet());
        }
        Files.writeString(slowCatalog.resolve("cross-product.rq"), """
                # title.zh: 三重笛卡尔积
                # title.en: A threefold cross product
                # question.zh: 全部三元组的三重笛卡尔积有多少行？（故意耗时）
                # question.en: How many rows has the threefold cross product of all triples? (deliberately slow)
                # column: rows — 行数 / rows
                SELECT (COUNT(*) AS ?rows) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }
                """);
        builder.addServlet(SLOW_PATH + "/*", new QueryApiServlet(store,
                () -> QueryCatalog.load(slowCatalog), QueryApi.ANSWER_CACHE_BYTES, SLOW_TIMEOUT));
        server = builder.build().start();
        root = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theCatalogListsEveryQueryWithQuestionParametersColumnsAndSparql() throws IOException {
        JsonNode catalog = json(get("/api/queries"));
        List<String> names = new ArrayList<>();
        catalog.get("queries").forEach(query -> names.add(query.get("name").asText()));
        assertTrue(names.containsAll(QueryCatalogTest.LIBRARY), names.toString());
        JsonNode cq8 = null;
        for (JsonNode query : catalog.get("queries")) {
            if (query.get("name").asText().equals("cq8-measures-in-place")) {
                cq8 = query;
            }
        }
        assertEquals("适用于某地的举措", cq8.get("title").get("zh").asText());
        assertEquals("Measures that apply in a place", cq8.get("title").get("en").asText());
        assertTrue(cq8.get("question").get("en").asText().startsWith("Which measures apply in a place"));
        JsonNode place = cq8.get("parameters").get(0);
        assertEquals("place", place.get("name").asText());
        assertEquals("place", place.get("kind").asText());
        assertEquals("武汉", place.get("default").asText());
        assertEquals(false, place.get("required").asBoolean());
        assertTrue(place.get("description").asText().contains("the place: a province, city or county"));
        assertEquals("number", cq8.get("columns").get(0).get("name").asText());
        assertTrue(cq8.get("sparql").asText().contains("schema:containedInPlace*"));
        assertEquals(get("/api/queries").body(), get("/api/queries/").body());
    }

    @Test
    void aQueryAnswersAsJsonWithColumnsRowsAndCount() throws IOException {
        JsonNode answer = json(get("/api/queries/cq1-co-guidance-pairs"));
        assertEquals("cq1-co-guidance-pairs", answer.get("name").asText());
        assertEquals("[\"bodyA\",\"bodyB\",\"measures\",\"numbers\"]", answer.get("columns").toString());
        assertEquals(10, answer.get("count").asInt());
        JsonNode first = answer.get("rows").get(0);
        assertEquals("人民银行", first.get("bodyA").asText());
        assertEquals("银保监会", first.get("bodyB").asText());
        assertTrue(first.get("measures").isIntegralNumber());
        assertEquals(5, first.get("measures").asInt());
        assertEquals("1, 3, 4, 5, 6", first.get("numbers").asText());
    }

    @Test
    void parametersAndLanguageComeFromTheQueryString() throws IOException {
        JsonNode ip = json(get("/api/queries/cq1-co-guidance-pairs?category=" + encode("知识产权保护") + "&lang=en"));
        assertEquals(2, ip.get("count").asInt());
        assertEquals("Supreme People's Court", ip.get("rows").get(1).get("bodyB").asText());
        JsonNode huangshan = json(get("/api/queries/cq8-measures-in-place?place=" + encode("黄山")));
        assertEquals(11, huangshan.get("count").asInt());
        JsonNode hefei = json(get("/api/queries/cq8-measures-in-place?place=3401"));
        assertEquals(16, hefei.get("count").asInt());
    }

    @Test
    void theShortestChainFromTheSupremeCourtToFinanceHasThreeLinks() throws IOException {
        JsonNode chain = json(get("/api/queries/body-connection?from=" + encode("最高人民法院") + "&to=MOF"));
        assertEquals(3, chain.get("count").asInt());
        assertEquals("[\"step\",\"from\",\"fromLabel\",\"to\",\"toLabel\",\"measures\"]", chain.get("columns").toString());
        List<String> links = new ArrayList<>();
        chain.get("rows").forEach(row -> links.add(row.get("step").asInt() + " " + row.get("fromLabel").asText() + "→"
                + row.get("toLabel").asText() + " " + row.get("measures").asText()));
        assertEquals(List.of("1 最高人民法院→知识产权局 14", "2 知识产权局→科技部 10", "3 科技部→财政部 2, 3, 9"), links);
        assertEquals(store.iris().body("SPC"), chain.get("rows").get(0).get("from").asText());
    }

    @Test
    void csvByParameterOrAcceptHeader() throws IOException {
        HttpResponse<String> csv = get("/api/queries/cq5-single-body-measures?format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
        assertEquals(List.of("number", "title", "body"), records.get(0).toList());
        assertEquals(List.of("12", "生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制", "海关总署"), records.get(1).toList());
        assertEquals(2, records.size());
        assertEquals(csv.body(), get("/api/queries/cq5-single-body-measures", "Accept", "text/csv").body());
    }

    @Test
    void unknownQueryIs404ListingTheQueries() {
        HttpResponse<String> response = get("/api/queries/cq9");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(response.body().startsWith("no query named \"cq9\"; the queries are: "), response.body());
        assertTrue(response.body().contains("cq1-co-guidance-pairs, cq2-measures-per-body"), response.body());
        assertEquals(404, get("/api/queries/cq1-co-guidance-pairs/extra").statusCode());
    }

    @Test
    void aQueryPastTheTimeoutIsCancelledAnd503WithAMessage() {
        long start = System.nanoTime();
        HttpResponse<String> response = get(SLOW_PATH + "/cross-product");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("the query ran longer than the server's timeout of 300 ms (counted from its arrival) and was cancelled; narrow its "
                + "parameters or ask for a smaller page", response.body().strip());
        assertTrue(millis < 10_000, "cancelled after " + millis + " ms");
        assertEquals(200, get("/api/queries/cq1-co-guidance-pairs").statusCode(), "other queries still answer");
    }

    @Test
    void aChangedQueryGetsAnotherEtagOnTheSameData(@TempDir Path catalogs) throws Exception {
        String header = """
                # title.zh: 举措数
                # title.en: Measures
                # question.zh: 有多少项举措？
                # question.en: How many measures?
                # column: measures — 举措数 / measures
                PREFIX rkg: <https://w3id.org/reform-kg/def/>
                """;
        Path before = Files.createDirectories(catalogs.resolve("before"));
        Path after = Files.createDirectories(catalogs.resolve("after"));
        Files.writeString(before.resolve("measures.rq"), header + "SELECT (COUNT(*) AS ?measures) WHERE { ?m a rkg:Measure }\n");
        Files.writeString(after.resolve("measures.rq"), header
                + "SELECT (COUNT(DISTINCT ?m) AS ?measures) WHERE { ?m a rkg:Measure }\n");
        FusekiServer versions = FusekiServer.create().port(0).loopback(true)
                .addServlet("/before/*", new QueryApiServlet(store, () -> QueryCatalog.load(before),
                        QueryApi.ANSWER_CACHE_BYTES, Duration.ofSeconds(10)))
                .addServlet("/after/*", new QueryApiServlet(store, () -> QueryCatalog.load(after),
                        QueryApi.ANSWER_CACHE_BYTES, Duration.ofSeconds(10)))
                .build().start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + versions.getHttpPort();
            List<String> etags = new ArrayList<>();
            for (String path : List.of("/before/measures", "/after/measures")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
                etags.add(response.headers().firstValue("ETag").orElseThrow());
            }
            assertFalse(etags.get(0).equals(etags.get(1)), "the same answer from another query text: " + etags);
        } finally {
            versions.stop();
        }
    }

    @Test
    void theCatalogIsReadOnceByWhicheverNeedsItFirst() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        QueryApiServlet servlet = new QueryApiServlet(store, () -> {
            reads.incrementAndGet();
            return QueryCatalog.load();
        }, QueryApi.ANSWER_CACHE_BYTES, Duration.ofSeconds(10));
        assertEquals(0, reads.get(), "read before anything needed it");
        servlet.readCatalog();
        servlet.readCatalog();
        assertEquals(1, reads.get());
        FusekiServer serving = FusekiServer.create().port(0).loopback(true).addServlet("/api/queries/*", servlet)
                .build().start();
        try {
            HttpResponse<String> catalog = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + serving.getHttpPort() + "/api/queries")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, catalog.statusCode(), catalog.body());
            assertTrue(catalog.body().contains("\"cq5-single-body-measures\""), catalog.body());
            assertEquals(1, reads.get(), "read again for a request");
        } finally {
            serving.stop();
        }
    }

    @Test
    void aRequestMadeWhileTheCatalogIsReadWaitsForIt() throws Exception {
        CompletableFuture<QueryCatalog> reading = new CompletableFuture<>();
        FusekiServer starting = FusekiServer.create().port(0).loopback(true)
                .addServlet("/api/queries/*", new QueryApiServlet(store, reading::join, QueryApi.ANSWER_CACHE_BYTES,
                        Duration.ofSeconds(10)))
                .build().start();
        try {
            CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + starting.getHttpPort() + "/api/queries/cq5-single-body-measures?format=csv"))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThrows(TimeoutException.class, () -> answer.get(300, TimeUnit.MILLISECONDS),
                    "answered before the catalog was read");
            reading.complete(QueryCatalog.load());
            HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(List.of("12", "生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制", "海关总署"),
                    CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords().get(1).toList());
        } finally {
            starting.stop();
        }
    }

    @Test
    void badParametersAre400WithAMessage() {
        HttpResponse<String> unknown = get("/api/queries/cq1-co-guidance-pairs?categroy=talent");
        assertEquals(400, unknown.statusCode());
        assertEquals("query cq1-co-guidance-pairs has no parameter \"categroy\"; its parameters are: category\n",
                unknown.body());
        HttpResponse<String> badPlace = get("/api/queries/cq8-measures-in-place?place=" + encode("朝阳区"));
        assertEquals(400, badPlace.statusCode());
        assertTrue(badPlace.body().contains("110105 (北京市朝阳区), 220104 (长春市朝阳区)"), badPlace.body());
        assertEquals(400, get("/api/queries/measure-detail?measure=twelve").statusCode());
        assertEquals(400, get("/api/queries/cq1-co-guidance-pairs?category=talent&category=ip-protection").statusCode());
        HttpResponse<String> lang = get("/api/queries/cq2-measures-per-body?lang=fr");
        assertEquals(400, lang.statusCode());
        assertEquals("unknown language \"fr\"; use one of: zh, en\n", lang.body());
        HttpResponse<String> injection = get("/api/queries/body-partners?body=" + encode("MOST> } UNION { ?s ?p ?o } #"));
        assertEquals(400, injection.statusCode());
        assertTrue(injection.body().startsWith("parameter body: no body is named"), injection.body());
    }

    @Test
    void injectedTextIsALiteralThatMatchesNothing() throws IOException {
        JsonNode answer = json(get("/api/queries/keyword-search?keyword=" + encode("担保\") } UNION { ?measure ?p ?o } #")));
        assertEquals(0, answer.get("count").asInt());
        assertEquals(2, json(get("/api/queries/keyword-search?keyword=" + encode("担保"))).get("count").asInt());
    }

    @Test
    void unsupportedFormatsAre406() {
        HttpResponse<String> xml = get("/api/queries/cq2-measures-per-body?format=xml");
        assertEquals(406, xml.statusCode());
        assertEquals("unsupported format \"xml\"; use format=json, format=csv or format=sparql (the query itself)\n",
                xml.body());
        assertEquals(406, get("/api/queries/cq2-measures-per-body", "Accept", "application/rdf+xml").statusCode());
    }

    @Test
    void etagsLetClientsRevalidate() {
        HttpResponse<String> first = get("/api/queries/cq2-measures-per-body");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/api/queries/cq2-measures-per-body", "If-None-Match", etag).statusCode());
        String other = get("/api/queries/cq2-measures-per-body?lang=en").headers().firstValue("ETag").orElseThrow();
        assertTrue(!other.equals(etag), "another language is another answer");
        String catalog = get("/api/queries").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/api/queries", "If-None-Match", catalog).statusCode());
    }

    @Test
    void listingQueriesAnswerAPageAndLinkTheNext() throws IOException {
        JsonNode whole = json(get("/api/queries/cq8-measures-in-place?place=" + encode("合肥")));
        assertEquals(16, whole.get("count").asInt());
        assertEquals(0, whole.get("offset").asInt());
        assertEquals(100, whole.get("limit").asInt());
        assertFalse(whole.get("hasMore").asBoolean());
        assertTrue(get("/api/queries/cq8-measures-in-place").headers().firstValue("Link").isEmpty());

        HttpResponse<String> first = get("/api/queries/cq8-measures-in-place?place=" + encode("合肥") + "&limit=2&lang=en");
        JsonNode page = json(first);
        assertEquals(List.of(1, 2), numbers(page));
        assertEquals(2, page.get("count").asInt());
        assertTrue(page.get("hasMore").asBoolean());
        String next = first.headers().firstValue("Link").orElseThrow();
        assertEquals("</api/queries/cq8-measures-in-place?place=" + encode("合肥") + "&limit=2&lang=en&offset=2>; "
                + "rel=\"next\"", next);
        JsonNode second = json(get(next.substring(1, next.indexOf('>'))));
        assertEquals(List.of(3, 4), numbers(second));
        assertEquals(2, second.get("offset").asInt());
        assertEquals("The 8 comprehensive innovation reform pilot regions", second.get("rows").get(0).get("scope").asText(), "lang=en is kept");

        HttpResponse<String> csv = get("/api/queries/keyword-search?limit=1&offset=0&format=csv");
        assertEquals("number,title,inTitle,inContent\r\n3,政银保联动授信担保提供科技型中小企业长期集合信贷机制,true,true\r\n",
                csv.body());
        assertEquals("</api/queries/keyword-search?limit=1&format=csv&offset=1>; rel=\"next\"",
                csv.headers().firstValue("Link").orElseThrow());
        assertTrue(get("/api/queries/keyword-search?limit=1&offset=1&format=csv").headers().firstValue("Link").isEmpty());
    }

    @Test
    void aRepeatedRequestIsAnsweredFromMemoryWithItsLink() {
        String path = "/api/queries/measures-in-place?placeName=" + encode("合肥") + "&limit=3&format=csv";
        HttpResponse<String> computed = get(path, "Cache-Control", "no-cache");
        HttpResponse<String> kept = get(path);
        assertEquals("miss", computed.headers().firstValue("X-Cache").orElseThrow());
        assertEquals("hit", kept.headers().firstValue("X-Cache").orElseThrow());
        assertEquals(computed.body(), kept.body());
        assertEquals(4, kept.body().lines().count(), "the header row and a page of 3");
        assertEquals(computed.headers().firstValue("Link"), kept.headers().firstValue("Link"));
        assertTrue(kept.headers().firstValue("Link").orElseThrow().contains("offset=3"));
        assertEquals("miss", get(path, "Cache-Control", "no-cache").headers().firstValue("X-Cache").orElseThrow());
        HttpResponse<String> otherPage = get(path + "&offset=3");
        assertTrue(!otherPage.body().equals(kept.body()), "another page is another answer");
    }

    @Test
    void aBadLimitOrOffsetIs400WithTheRange() {
        HttpResponse<String> tooMany = get("/api/queries/measures-in-place?limit=5000");
        assertEquals(400, tooMany.statusCode());
        assertEquals("parameter limit takes a whole number from 1 to 1000 (rows per page), found \"5000\"; page through "
                + "longer answers with offset\n", tooMany.body());
        assertEquals(400, get("/api/queries/measures-in-place?limit=0").statusCode());
        HttpResponse<String> negative = get("/api/queries/keyword-search-text?offset=-3");
        assertEquals(400, negative.statusCode());
        assertEquals("parameter offset takes a whole number, 0 or more (rows to skip), found \"-3\"\n", negative.body());
        assertEquals(400, get("/api/queries/keyword-search?limit=2&limit=3").statusCode());
        HttpResponse<String> unpaged = get("/api/queries/cq2-measures-per-body?limit=5");
        assertEquals(400, unpaged.statusCode());
        assertEquals("query cq2-measures-per-body has no parameter \"limit\"; it takes none\n", unpaged.body());
    }

    @Test
    void theCatalogShowsWhichQueriesPage() throws IOException {
        JsonNode keywordSearch = null;
        JsonNode cq1 = null;
        for (JsonNode query : json(get("/api/queries")).get("queries")) {
            if (query.get("name").asText().equals("keyword-search")) {
                keywordSearch = query;
            } else if (query.get("name").asText().equals("cq1-co-guidance-pairs")) {
                cq1 = query;
            }
        }
        assertEquals("{\"defaultLimit\":100,\"maxLimit\":1000}", keywordSearch.get("paging").toString());
        List<String> parameters = new ArrayList<>();
        keywordSearch.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asText() + "="
                + parameter.get("default").asText() + " " + parameter.get("kind").asText()));
        assertEquals(List.of("keyword=担保 text", "limit=100 integer", "offset=0 integer"), parameters);
        assertTrue(cq1.get("paging").isNull());
        assertEquals(1, cq1.get("parameters").size());
    }

    private static List<Integer> numbers(JsonNode answer) {
        List<Integer> numbers = new ArrayList<>();
        answer.get("rows").forEach(row -> numbers.add(row.get("number").asInt()));
        return numbers;
    }
}
