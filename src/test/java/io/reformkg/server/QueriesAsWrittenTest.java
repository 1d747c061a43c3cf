package io.reformkg.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.query.NamedQuery;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.api.QueryApi;
import io.reformkg.store.GraphStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every file of {@code queries/}, sent byte for byte to the SPARQL endpoint of a real server,
 * answers what the query API (the runner the CLI uses, with the store's index fast paths) answers
 * with the query's defaults (but for the snippets keyword-search-text's Java step adds).
 */
class QueriesAsWrittenTest {
    /** The header line of a query whose default answer has no rows. */
    static final String EMPTY_NOTE = "# empty by default:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QueryCatalog CATALOG = QueryCatalog.load();
    private static GraphStore store;
    private static ReformServer server;
    private static SparqlClient client;

    @BeforeAll
    static void start() {
        store = GraphStore.create().data(Path.of("data")).build();
        server = ReformServer.create().store(store).port(0)
                .mount(QueryApi.servlets(store, ReformServer.DEFAULT_TIMEOUT)).build().start();
        client = new SparqlClient(server.root());
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void everyFileAnswersAsTheRunnerDoesWithItsDefaults() throws IOException {
        List<Path> files;
        try (var listing = Files.list(Path.of("queries"))) {
            files = listing.filter(file -> file.toString().endsWith(".rq")).sorted().toList();
        }
        assertEquals(CATALOG.names().size(), files.size(), "every file of queries/ is in the catalog");
        List<Executable> checks = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().replace(".rq", "");
            checks.add(() -> compare(CATALOG.get(name), text));
        }
        assertAll(checks);
    }

    private static void compare(NamedQuery query, String text) {
        HttpResponse<byte[]> raw = client.post("/kg/sparql", "application/sparql-query", text,
                "Accept", SparqlClient.JSON);
        assertEquals(200, raw.statusCode(), query.name() + ": " + SparqlClient.text(raw));
        List<Map<String, String>> sent = endpointRows(raw.body());
        JsonNode answer = apiAnswer(query.name());
        assertFalse(answer.path("hasMore").asBoolean(false), query.name() + ": the default page holds the whole answer");
        List<Map<String, String>> run = apiRows(answer);
        boolean saysEmpty = text.lines().takeWhile(line -> line.startsWith("#")).anyMatch(line -> line.startsWith(EMPTY_NOTE));
        assertEquals(saysEmpty, sent.isEmpty(), query.name() + ": a query whose default answer is empty says so in its "
                + "header (\"" + EMPTY_NOTE + " why\"), and only such a query");
        assertEquals(run, sent, query.name() + ": the file as written answers what reform-kg query answers");
    }

    private static List<Map<String, String>> apiRows(JsonNode answer) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : answer.get("rows")) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                // a column a computed step adds (keyword-search-text's snippet) is not the SPARQL's
                if (!field.getKey().equals("snippet")) {
                    values.put(field.getKey(), apiValue(field.getValue()));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    private static JsonNode apiAnswer(String name) {
        HttpResponse<byte[]> response = client.get("/api/queries/" + name, "Accept", "application/json");
        assertEquals(200, response.statusCode(), name + ": " + SparqlClient.text(response));
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint's rows, each term as the API writes it: IRIs and text as they are, numbers by value. */
    private static List<Map<String, String>> endpointRows(byte[] body) {
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
        List<Map<String, String>> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution solution = results.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (String variable : results.getResultVars()) {
                row.put(variable, termValue(solution.get(variable)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String termValue(RDFNode node) {
        if (node == null) {
            return null;
        }
        if (node.isURIResource()) {
            return node.asResource().getURI();
        }
        Literal literal = node.asLiteral();
        return literal.getValue() instanceof Number number ? number(new BigDecimal(number.toString()))
                : literal.getLexicalForm();
    }

    private static String apiValue(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        return value.isNumber() ? number(value.decimalValue()) : value.asText();
    }

    /** A number by value: whole numbers exactly, others (a relevance score, a float) to float precision. */
    private static String number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? plain.toPlainString() : Float.toString(plain.floatValue());
    }

    @Test
    void theQueryWithOtherValuesAnswersAsTheRunnerDoesWithThem() {
        // what the explorer's "open in the SPARQL editor" loads: the form's values in the query
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("cq1-co-guidance-pairs", "category=ip-protection&lang=en");
        asked.put("cq8-measures-in-place", "place=%E9%BB%84%E5%B1%B1&limit=4&offset=3");
        asked.put("body-detail", "body=SPC");
        asked.put("measure-detail", "measure=3");
        asked.put("keyword-search", "keyword=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83");
        asked.forEach((name, parameters) -> {
            HttpResponse<byte[]> sparql = client.get("/api/queries/" + name + "?format=sparql&" + parameters);
            assertEquals(200, sparql.statusCode(), SparqlClient.text(sparql));
            assertEquals("application/sparql-query; charset=utf-8", sparql.headers().firstValue("Content-Type")
                    .orElseThrow());
            String text = SparqlClient.text(sparql);
            assertTrue(text.startsWith("# title.zh: "), text);
            HttpResponse<byte[]> raw = client.post("/kg/sparql", "application/sparql-query", text,
                    "Accept", SparqlClient.JSON);
            assertEquals(200, raw.statusCode(), name + ": " + SparqlClient.text(raw));
            List<Map<String, String>> run = apiRows(apiAnswer(name + "?" + parameters));
            assertFalse(run.isEmpty(), name);
            assertEquals(run, endpointRows(raw.body()), name + " with " + parameters);
        });
        String bound = SparqlClient.text(client.get("/api/queries/cq1-co-guidance-pairs?format=sparql&category=talent"));
        assertTrue(bound.contains("VALUES ?category { <https://w3id.org/reform-kg/category/talent> }"), bound);
        assertEquals(400, client.get("/api/queries/cq1-co-guidance-pairs?format=sparql&category=colour").statusCode());
        assertEquals(400, client.get("/api/queries/cq1-co-guidance-pairs?format=sparql&colour=red").statusCode());
    }

    @Test
    void onlyTheAnalystsQueriesAreListedAndNoTwoShareATitle() {
        assertTrue(CATALOG.names().stream().noneMatch(name -> name.startsWith("explorer-")), CATALOG.names().toString());
        assertEquals(List.of("explorer-body", "explorer-body-measures", "explorer-body-partners", "explorer-dashboard",
                        "explorer-facets", "explorer-list", "explorer-measure", "explorer-measure-bodies", "explorer-measure-places",
                        "explorer-network", "explorer-place-counts", "explorer-search", "explorer-search-counts",
                        "explorer-shared-measures"),
                CATALOG.internalQueries().stream().map(NamedQuery::name).toList());
        Map<String, String> byZh = new LinkedHashMap<>();
        Map<String, String> byEn = new LinkedHashMap<>();
        for (NamedQuery query : CATALOG.queries()) {
            String zh = byZh.put(query.title().zh(), query.name());
            String en = byEn.put(query.title().en(), query.name());
            assertEquals(null, zh, query.name() + " shares its Chinese title " + query.title().zh() + " with " + zh);
            assertEquals(null, en, query.name() + " shares its English title " + query.title().en() + " with " + en);
        }
    }
}
