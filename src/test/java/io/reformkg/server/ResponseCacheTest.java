package io.reformkg.server;

import static io.reformkg.server.SparqlClient.CSV;
import static io.reformkg.server.SparqlClient.JSON;
import static io.reformkg.server.SparqlClient.encode;
import static io.reformkg.server.SparqlClient.query;
import static io.reformkg.server.SparqlClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SPARQL endpoint's answers are kept for repeated GETs and revalidated by ETag: the same
 * bytes from memory, 304 without running the query, never an error kept.
 */
class ResponseCacheTest {
    private static final String CQ2 = "/kg/sparql?query=" + encode(query("cq/cq2-measures-per-body.rq"));
    private static GraphStore store;
    private static ReformServer server;
    private static SparqlClient client;

    @BeforeAll
    static void start() {
        store = GraphStore.create().data(Path.of("data")).build();
        server = ReformServer.create().store(store).port(0).timeout(Duration.ofSeconds(1)).build().start();
        client = new SparqlClient(server.root());
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void aRepeatedQueryIsAnsweredFromMemoryWithTheSameBytes() {
        HttpResponse<byte[]> first = client.get(CQ2, "Accept", CSV, "Cache-Control", "no-cache");
        HttpResponse<byte[]> second = client.get(CQ2, "Accept", CSV);
        assertEquals(200, first.statusCode());
        assertEquals("miss", header(first, "X-Cache"));
        assertEquals(200, second.statusCode());
        assertEquals("hit", header(second, "X-Cache"));
        assertArrayEquals(first.body(), second.body());
        assertEquals(header(first, "Content-Type"), header(second, "Content-Type"));
        assertEquals(header(first, "ETag"), header(second, "ETag"));
        assertEquals("no-cache", header(first, "Cache-Control"), "stored and revalidated, computed or kept");
        assertEquals("no-cache", header(second, "Cache-Control"));
        assertTrue(first.headers().firstValue("Pragma").isEmpty());
        assertTrue(text(second).startsWith("body,"), text(second));
        assertEquals(14, text(second).strip().lines().count(), "13 bodies and the header row");
    }

    @Test
    void aClientHoldingTheETagGets304WithoutABody() {
        HttpResponse<byte[]> first = client.get(CQ2, "Accept", JSON);
        String etag = header(first, "ETag");
        HttpResponse<byte[]> again = client.get(CQ2, "Accept", JSON, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, header(again, "ETag"));
        assertEquals("no-cache", header(again, "Cache-Control"));
    }

    @Test
    void eachFormatHasItsOwnETagAndAnswer() {
        HttpResponse<byte[]> json = client.get(CQ2, "Accept", JSON);
        HttpResponse<byte[]> csv = client.get(CQ2, "Accept", CSV);
        assertNotEquals(header(json, "ETag"), header(csv, "ETag"));
        assertTrue(header(json, "Content-Type").startsWith(JSON), header(json, "Content-Type"));
        assertTrue(header(csv, "Content-Type").startsWith(CSV), header(csv, "Content-Type"));
        List<Map<String, String>> rows = SparqlClient.parse(client.get(CQ2, "Accept", JSON), JSON);
        assertEquals(SparqlClient.parse(json, JSON), rows, "the kept JSON answer parses to the same rows");
        assertEquals(13, rows.size());
    }

    @Test
    void aPostedQueryIsKeptByItsTextAsTheGetIs() {
        String cq2 = query("cq/cq2-measures-per-body.rq");
        HttpResponse<byte[]> viaGet = client.get(CQ2, "Accept", CSV);
        HttpResponse<byte[]> posted = client.post("/kg/sparql", "application/sparql-query", cq2, "Accept", CSV,
                "Cache-Control", "no-cache");
        HttpResponse<byte[]> postedAgain = client.post("/kg/sparql", "application/sparql-query", cq2, "Accept", CSV);
        assertEquals("miss", header(posted, "X-Cache"));
        assertEquals("hit", header(postedAgain, "X-Cache"));
        assertArrayEquals(viaGet.body(), posted.body());
        assertArrayEquals(posted.body(), postedAgain.body());

        String form = "query=" + encode(cq2);
        HttpResponse<byte[]> formPosted = client.post("/kg/sparql", "application/x-www-form-urlencoded", form,
                "Accept", CSV, "Cache-Control", "no-cache");
        HttpResponse<byte[]> formAgain = client.post("/kg/sparql", "application/x-www-form-urlencoded", form,
                "Accept", CSV, "If-None-Match", header(formPosted, "ETag"));
        assertEquals(200, formAgain.statusCode(), "a POST is answered in full, never 304");
        assertEquals("hit", header(formAgain, "X-Cache"));
        assertArrayEquals(viaGet.body(), formAgain.body());

        HttpResponse<byte[]> otherQuery = client.post("/kg/sparql", "application/sparql-query",
                query("count-default-graph.rq"), "Accept", CSV);
        assertEquals(200, otherQuery.statusCode());
        assertTrue(text(otherQuery).startsWith("triples"), "another text, another answer: " + text(otherQuery));
    }

    @Test
    void errorsAndTimeoutsAreNeitherKeptNorTagged() {
        String malformed = "/kg/sparql?query=" + encode("SELECT * WHERE {");
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> bad = client.get(malformed, "Accept", JSON);
            assertEquals(400, bad.statusCode());
            assertEquals("miss", header(bad, "X-Cache"));
            assertTrue(bad.headers().firstValue("ETag").isEmpty(), "no ETag on an error");
            assertEquals("no-store", header(bad, "Cache-Control"));
        }
        String slow = "/kg/sparql?query=" + encode(query("expensive-cross-product.rq"));
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> timedOut = client.get(slow, "Accept", JSON);
            assertEquals(503, timedOut.statusCode());
            assertEquals("miss", header(timedOut, "X-Cache"));
        }
    }

    private static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
