package io.reformkg.server;

import static io.reformkg.server.SparqlClient.CSV;
import static io.reformkg.server.SparqlClient.JSON;
import static io.reformkg.server.SparqlClient.TSV;
import static io.reformkg.server.SparqlClient.XML;
import static io.reformkg.server.SparqlClient.encode;
import static io.reformkg.server.SparqlClient.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import io.reformkg.vocab.SD;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real HTTP on a free port: answers, formats, refusals, limits and load. */
class ReformServerTest {
    private static final String COUNT_DEFAULT_GRAPH = "server/count-default-graph.rq";
    private static GraphStore store;
    private static ReformServer server;
    private static SparqlClient client;

    @BeforeAll
    static void start() {
        store = GraphStore.create().data(Path.of("data")).build();
        server = ReformServer.create().store(store).port(0).build().start();
        client = new SparqlClient(server.root());
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void answersTheCompetencyQuestionsAsJson() {
        assertAll(CompetencyAnswers.EXPECTED.entrySet().stream().map(entry -> () -> assertEquals(entry.getValue(),
                CompetencyAnswers.flatten(client.rows(SparqlClient.query(entry.getKey()), JSON)), entry.getKey())));
    }

    @Test
    void answersTheCompetencyQuestionsAsCsv() {
        assertAll(CompetencyAnswers.EXPECTED.entrySet().stream().map(entry -> () -> assertEquals(entry.getValue(),
                CompetencyAnswers.flatten(client.rows(SparqlClient.query(entry.getKey()), CSV)), entry.getKey())));
    }

    @Test
    void answersByPostAsXmlAndTsv() {
        String query = SparqlClient.query("cq/cq2-measures-per-body.rq");
        List<String> expected = CompetencyAnswers.EXPECTED.get("cq/cq2-measures-per-body.rq");
        HttpResponse<byte[]> xml = client.post("/kg/sparql", "application/sparql-query", query, "Accept", XML);
        HttpResponse<byte[]> tsv = client.post("/kg", "application/x-www-form-urlencoded",
                "query=" + encode(query), "Accept", TSV);
        assertEquals(expected, CompetencyAnswers.flatten(SparqlClient.parse(xml, XML)));
        assertEquals(expected, CompetencyAnswers.flatten(SparqlClient.parse(tsv, TSV)));
        assertTrue(xml.headers().firstValue("Content-Type").orElseThrow().startsWith(XML));
    }

    @Test
    void theDefaultGraphIsTheUnionOfTheNamedGraphs() {
        long union = Txn.calculateRead(store.dataset(), () -> store.dataset().getUnionModel().size());
        List<Map<String, String>> rows = client.rows(SparqlClient.query("count-default-graph.rq"), JSON);
        assertEquals(String.valueOf(union), rows.get(0).get("triples"));
        String sourceGraph = store.iris().sourceGraph(3);
        Model source = fetchGraph("/kg/data?graph=" + encode(sourceGraph), "text/turtle", Lang.TURTLE);
        Model defaultGraph = fetchGraph("/kg/get?default", "application/n-triples", Lang.NTRIPLES);
        assertTrue(source.size() > 0);
        assertTrue(defaultGraph.containsAll(source), "the default graph holds the source graph's triples");
        assertEquals(union, defaultGraph.size());
    }

    @Test
    void servesANamedGraphInEachRdfFormat() {
        String sourceGraph = store.iris().sourceGraph(3);
        Model expected = Txn.calculateRead(store.dataset(),
                () -> ModelFactory.createDefaultModel().add(store.dataset().getNamedModel(sourceGraph)));
        Map<String, Lang> formats = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
                "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
        assertAll(formats.entrySet().stream().map(format -> () -> {
            Model graph = fetchGraph("/kg/data?graph=" + encode(sourceGraph), format.getKey(), format.getValue());
            assertTrue(graph.isIsomorphicWith(expected), format.getKey());
        }));
    }

    @Test
    void answersConstructInEachRdfFormat() {
        String construct = SparqlClient.query("construct-measure-titles.rq");
        Map<String, Lang> formats = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
                "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
        assertAll(formats.entrySet().stream().map(format -> () -> {
            Model graph = fetchGraph("/kg/sparql?query=" + encode(construct), format.getKey(), format.getValue());
            assertEquals(16, graph.size(), format.getKey());
        }));
    }

    @Test
    void refusesUpdatesAndUploadsAndKeepsTheData() {
        String before = countDefaultGraph();
        String insert = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
        String triple = "<urn:x:s> <urn:x:p> <urn:x:o> .";
        List<HttpResponse<byte[]>> refused = List.of(
                client.post("/kg/update", "application/x-www-form-urlencoded", "update=" + encode(insert)),
                client.post("/kg", "application/x-www-form-urlencoded", "update=" + encode(insert)),
                client.post("/kg", "application/sparql-update", insert),
                client.post("/kg/sparql", "application/sparql-update", insert),
                client.post("/kg/data?default", "application/n-triples", triple),
                client.put("/kg/data?default", "application/n-triples", triple),
                client.post("/kg", "application/n-triples", triple),
                client.post("/kg/upload", "application/n-triples", triple),
                client.delete("/kg/data?default"),
                client.post("/$/datasets", "application/x-www-form-urlencoded", "dbName=x&dbType=mem"),
                client.post("/$/compact/kg", "text/plain", ""));
        assertAll(refused.stream().map(response -> () -> assertTrue(
                response.statusCode() >= 400 && response.statusCode() < 500,
                response.request().method() + " " + response.uri() + " got " + response.statusCode())));
        assertEquals(before, countDefaultGraph());
    }

    @Test
    void answersAMalformedQueryWithTheParsersMessage() {
        HttpResponse<byte[]> response = client.select("SELECT ?s WHERE { ?s ?p }", JSON);
        assertEquals(400, response.statusCode());
        assertTrue(text(response).contains("line 1, column"), text(response));
    }

    @Test
    void answersUnknownPathsWith404AndOnePlainLine() {
        for (String path : List.of("/no/such/thing", "/kg/no-such-endpoint", "/kg/update", "/other-dataset/sparql")) {
            HttpResponse<byte[]> response = client.get(path + "?query=ASK%7B%7D");
            assertEquals(404, response.statusCode(), path);
            assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""), path);
            assertEquals("Not Found: " + path + "\n", text(response));
        }
    }

    @Test
    void refusesOversizeBodiesWith413() {
        String padding = "#".repeat((int) ReformServer.DEFAULT_MAX_BODY_BYTES) + "\nASK {}";
        HttpResponse<byte[]> response = client.post("/kg/sparql", "application/sparql-query", padding);
        assertEquals(413, response.statusCode());
        assertTrue(text(response).contains("at most " + ReformServer.DEFAULT_MAX_BODY_BYTES), text(response));
        String form = "query=" + encode("ASK {}") + "&x=" + "y".repeat(500_000);
        assertEquals(200, client.post("/kg/sparql", "application/x-www-form-urlencoded", form, "Accept", JSON)
                .statusCode(), "a form under the cap is answered");
    }

    @Test
    void keepsJavaScriptFunctionsDisabled() {
        HttpResponse<byte[]> response = client.select(SparqlClient.query("javascript-function.rq"), JSON);
        assertEquals(400, response.statusCode());
        assertTrue(text(response).contains("Scripting not enabled"), text(response));
    }

    @Test
    void cancelsAQueryPastTheTimeoutWhileAnsweringOthers() throws Exception {
        ReformServer strict = ReformServer.create().store(store).port(0).timeout(Duration.ofMillis(500))
                .linkedData(false).build().start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SparqlClient strictClient = new SparqlClient(strict.root());
            long start = System.nanoTime();
            Future<HttpResponse<byte[]>> expensive = pool.submit(() -> strictClient.select(
                    SparqlClient.query("expensive-cross-product.rq"), JSON));
            String cq2 = "cq/cq2-measures-per-body.rq";
            int answered = 0;
            while (!expensive.isDone()) {
                assertEquals(CompetencyAnswers.EXPECTED.get(cq2),
                        CompetencyAnswers.flatten(strictClient.rows(SparqlClient.query(cq2), JSON)));
                answered++;
            }
            HttpResponse<byte[]> cancelled = expensive.get();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, cancelled.statusCode(), text(cancelled));
            assertTrue(answered > 0, "a second client was answered while the expensive query ran");
            assertTrue(millis < 10_000, "cancelled after " + millis + " ms");
        } finally {
            pool.shutdownNow();
            strict.stop();
        }
    }

    @Test
    void servesATdb2StoreWithTheSameAnswers(@TempDir Path db) {
        try (GraphStore tdb2 = GraphStore.create().data(Path.of("data")).tdb2(db).build()) {
            ReformServer tdb2Server = ReformServer.create().store(tdb2).port(0).build().start();
            try {
                SparqlClient tdb2Client = new SparqlClient(tdb2Server.root());
                assertAll(CompetencyAnswers.EXPECTED.entrySet().stream().map(entry -> () -> assertEquals(
                        entry.getValue(), CompetencyAnswers.flatten(tdb2Client.rows(
                                SparqlClient.query(entry.getKey()), JSON)), entry.getKey())));
                String triples = tdb2Client.rows(SparqlClient.query("count-default-graph.rq"), JSON).get(0)
                        .get("triples");
                assertEquals(countDefaultGraph(), triples);
                HttpResponse<byte[]> defaultGraph = tdb2Client.get("/kg/get?default", "Accept", "application/n-triples");
                assertEquals(Long.parseLong(triples), text(defaultGraph).lines().filter(line -> !line.isBlank()).count(),
                        "the Graph Store Protocol's default graph is the union too");
            } finally {
                tdb2Server.stop();
            }
        }
    }

    @Test
    void describesTheServiceAtTheEndpoint() {
        for (Map.Entry<String, Lang> format : Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD)
                .entrySet()) {
            Model description = fetchGraph("/kg/sparql", format.getKey(), format.getValue());
            Resource endpoint = description.createResource(server.root() + "/kg/sparql");
            assertTrue(description.contains(endpoint, RDF.type, SD.Service), format.getKey());
            assertTrue(description.contains(endpoint, SD.feature, SD.UnionDefaultGraph), format.getKey());
            List<String> graphs = description.listObjectsOfProperty(SD.name).mapWith(RDFNode::toString).toList();
            assertEquals(List.of(store.iris().ontologyGraph(), store.iris().referenceGraph(),
                    store.iris().sourceGraph(3), store.iris().inferredGraph()).stream().sorted().toList(), graphs.stream().sorted().toList());
        }
    }

    @Test
    void runsWorkForLaterRequestsOnceItHasAnsweredTheFirst() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        ReformServer waiting = ReformServer.create().store(store).port(0)
                .afterFirstAnswer("test-task", ran::countDown).build().start();
        try {
            assertFalse(ran.await(200, TimeUnit.MILLISECONDS), "ran before any request");
            assertEquals(200, new SparqlClient(waiting.root()).get("/$/ping").statusCode());
            assertTrue(ran.await(10, TimeUnit.SECONDS), "did not run after the first answer");
        } finally {
            waiting.stop();
        }
    }

    @Test
    void logsOneShortLinePerRequest() throws InterruptedException {
        // the simple logger writes to whichever stream is System.err when a line is logged
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<String> lines = List.of();
        try {
            client.get("/$/ping?probe=access-log");
            client.get("/no/such/page?probe=access-log");
            // a line is written once the response is complete, which the client may see first
            for (int wait = 0; wait < 100 && lines.size() < 2; wait++) {
                Thread.sleep(20);
                lines = captured.toString(StandardCharsets.UTF_8).lines()
                        .filter(line -> line.contains("probe=access-log")).toList();
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d INFO access - GET /\\$/ping\\?probe=access-log 200 \\d+ms"),
                lines.get(0));
        assertTrue(lines.get(1).matches("\\d\\d:\\d\\d:\\d\\d INFO access - GET /no/such/page\\?probe=access-log 404 \\d+ms"),
                lines.get(1));
    }

    @Test
    void answersPing() {
        assertEquals(200, client.get("/$/ping").statusCode());
    }

    @Test
    void refusesResultsAboveTheRowCap() {
        ReformServer capped = ReformServer.create().store(store).port(0).maxResultRows(10).linkedData(false)
                .build().start();
        try {
            SparqlClient cappedClient = new SparqlClient(capped.root());
            HttpResponse<byte[]> response = cappedClient.select("SELECT * { ?s ?p ?o }", JSON);
            assertEquals(400, response.statusCode());
            assertTrue(text(response).contains("more than 10 rows"), text(response));
            assertEquals(5, cappedClient.rows(SparqlClient.query("cq/cq3-pilot-only.rq"), JSON).size());
        } finally {
            capped.stop();
        }
    }

    @Test
    void reportsAPortInUse() {
        ReformServer second = ReformServer.create().store(store).port(server.port()).linkedData(false).build();
        ServerStartException error = assertThrows(ServerStartException.class, second::start);
        assertTrue(error.getMessage().contains(":" + server.port()), error.getMessage());
        second.stop();
    }

    @Test
    void servesSixteenConcurrentClientsCorrectly() throws Exception {
        List<String> queries = List.copyOf(CompetencyAnswers.EXPECTED.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int first = c;
                clients.add(pool.submit(() -> {
                    SparqlClient own = new SparqlClient(server.root());
                    for (int i = 0; i < 6; i++) {
                        String name = queries.get((first + i) % queries.size());
                        String format = i % 2 == 0 ? JSON : CSV;
                        assertEquals(CompetencyAnswers.EXPECTED.get(name),
                                CompetencyAnswers.flatten(own.rows(SparqlClient.query(name), format)), name);
                    }
                    return null;
                }));
            }
            for (Future<?> future : clients) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String countDefaultGraph() {
        return client.rows(SparqlClient.query("count-default-graph.rq"), JSON).get(0).get("triples");
    }

    private Model fetchGraph(String path, String accept, Lang lang) {
        HttpResponse<byte[]> response = client.get(path, "Accept", accept);
        assertEquals(200, response.statusCode(), path + " as " + accept + ": " + text(response));
        Dataset parsed = DatasetFactory.create();
        RDFParser.source(new ByteArrayInputStream(response.body())).lang(lang).base(server.root()).parse(parsed);
        return parsed.getDefaultModel();
    }
}
