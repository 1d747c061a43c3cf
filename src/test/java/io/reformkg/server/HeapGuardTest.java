package io.reformkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.reference.ReferenceData;
import io.reformkg.testing.Http;
import io.reformkg.vocab.RKG;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heap guard, seen from outside: {@code reform-kg serve} in its own JVM with a small heap,
 * the default limits and a timeout too long to stop anything here. A query that holds more
 * than the heap is cancelled with 503 and the server goes on answering; a query that allocates
 * gigabytes of garbage but holds little is answered in full.
 */
class HeapGuardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIXES = "PREFIX rkg: <" + RKG.NS + "> ";
    private static final Pattern ENDPOINT = Pattern.compile("SPARQL endpoint:\\s+(\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process server;
    private static final StringBuffer OUTPUT = new StringBuffer();
    private static final CompletableFuture<String> ENDPOINT_URL = new CompletableFuture<>();
    private static Thread reader;

    @BeforeAll
    static void start() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        server = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.reformkg.cli.Main", "serve", "--data", "data", "--no-cache", "--port", "0", "--timeout", "120s")
                .redirectErrorStream(true).start();
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    OUTPUT.append(line).append('\n');
                    Matcher url = ENDPOINT.matcher(line);
                    if (url.find()) {
                        ENDPOINT_URL.complete(url.group(1));
                    }
                }
            } catch (IOException closed) {
                // the server has stopped
            }
            ENDPOINT_URL.complete(null);
        }, "heap-guard-test-server-output");
        reader.setDaemon(true);
        reader.start();
        assertTrue(ENDPOINT_URL.get(60, TimeUnit.SECONDS) != null, "the server started: " + OUTPUT);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
        reader.join(10_000);
        assertFalse(OUTPUT.toString().contains("OutOfMemoryError"), OUTPUT.toString());
    }

    private static HttpResponse<byte[]> sparql(String query) throws Exception {
        return Http.send(HTTP, HttpRequest.newBuilder(URI.create(ENDPOINT_URL.get()))
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(PREFIXES + query,
                        StandardCharsets.UTF_8))), "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/sparql-results+json");
    }

    private static long count(String query) throws Exception {
        HttpResponse<byte[]> response = sparql(query);
        assertEquals(200, response.statusCode(), Http.text(response));
        JsonNode rows = JSON.readTree(response.body()).get("results").get("bindings");
        assertEquals(1, rows.size());
        return rows.get(0).get("n").get("value").asLong();
    }

    /** Sorting a long string for every pair of divisions (11 million rows) holds far more than 256 MiB. */
    @Test
    void aQueryHoldingMoreThanTheHeapIsCancelledAndTheServerGoesOn() throws Exception {
        HttpResponse<byte[]> response = sparql("SELECT ?pair { ?a a rkg:AdministrativeDivision . "
                + "?b a rkg:AdministrativeDivision BIND(CONCAT(STR(?a), STR(?b), STR(?a), STR(?b)) AS ?pair) } "
                + "ORDER BY ?pair");
        assertEquals(503, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).matches("the server is short of memory \\(\\d+ MiB of its \\d+ MiB held\\) and "
                + "cancelled this query, the one that had allocated the most of those running; ask for fewer rows, "
                + "or retry later\\s*"), Http.text(response));
        assertTrue(server.isAlive(), OUTPUT.toString());
        int divisions = ReferenceData.load(Path.of("data")).divisions().size();
        assertEquals(divisions, count("SELECT (COUNT(*) AS ?n) { ?d a rkg:AdministrativeDivision }"));
    }

    /**
     * Counting every pair of divisions streams 11 million rows: gigabytes allocated, little held.
     * It was refused when the server counted a query's garbage against a 1 GiB budget.
     */
    @Test
    void aQueryAllocatingMuchButHoldingLittleIsAnswered() throws Exception {
        long divisions = ReferenceData.load(Path.of("data")).divisions().size();
        assertEquals(divisions * divisions, count("SELECT (COUNT(*) AS ?n) { ?a a rkg:AdministrativeDivision . "
                + "?b a rkg:AdministrativeDivision }"));
    }
}
