package io.reformkg.server;

import static io.reformkg.server.SparqlClient.JSON;
import static io.reformkg.server.SparqlClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.query.api.QueryApi;
import io.reformkg.store.GraphStore;
import io.reformkg.store.LiveStore;
import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder changes while the server answers (issue 9): readers never see half a graph
 * or a mix of two, a bad source leaves the served graph untouched and says why, and a fixed
 * source is picked up again. The server follows a copy of {@code data/} through a
 * {@link LiveStore} polling every 100 ms; readers talk HTTP to it throughout.
 */
class RebuildWhileServingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SOURCE = "sources/batch-3-innovation-reform-measures.txt";
    private static final String OLD_TITLE = "银行与专业投资机构建立市场化长期性合作机制支持科技创新型企业";
    private static final String NEW_TITLE = "银行与专业投资机构建立长期合作机制支持科技企业（修订）";
    /** Measure 1's guiding bodies, on line 14 of the source; the edit drops 科技部. */
    private static final String OLD_BODIES = "\t银保监会、人民银行、科技部\n\t全国\n\n\t2\n";
    private static final String NEW_BODIES = "\t银保监会、人民银行\n\t全国\n\n\t2\n";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path temp;
    private Path data;
    private String original;
    private LiveStore live;
    private ReformServer server;
    private SparqlClient client;

    @BeforeEach
    void serveACopyOfTheData() throws IOException {
        data = DataFolders.copyOfData(temp);
        original = Files.readString(data.resolve(SOURCE));
        live = LiveStore.create().stores(GraphStore.create().data(data))
                .pollInterval(Duration.ofMillis(100)).grace(Duration.ofSeconds(5)).build();
        server = ReformServer.create().store(live).port(0).mount(QueryApi.servlets(live, ReformServer.DEFAULT_TIMEOUT)).build().start();
        client = new SparqlClient(server.root());
    }

    @AfterEach
    void stop() {
        server.stop();
        live.close();
    }

    @Test
    void readersSeeTheOldGraphOrTheNewOneNeverAMix() throws Exception {
        Snapshot before = snapshot();
        assertEquals(OLD_TITLE, before.title());
        String oldVersion = status().get("dataVersion").asText();
        String countQuery = "/kg/sparql?query=" + SparqlClient.encode(query("count-default-graph.rq"));
        String oldTag = client.get(countQuery, "Accept", JSON).headers().firstValue("ETag").orElseThrow();

        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<List<Snapshot>>> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(readers.submit(() -> {
                List<Snapshot> snapshots = new ArrayList<>();
                while (reading.get()) {
                    try {
                        snapshots.add(snapshot());
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e.toString());
                    }
                }
                return snapshots;
            }));
        }
        Thread.sleep(300);
        editSource(original.replace(OLD_TITLE, NEW_TITLE).replace(OLD_BODIES, NEW_BODIES));
        JsonNode rebuilt = waitForStatus(status -> !status.get("dataVersion").asText().equals(oldVersion));
        Thread.sleep(500);
        reading.set(false);
        readers.shutdown();
        assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));

        Snapshot after = snapshot();
        assertEquals(NEW_TITLE, after.title());
        HttpResponse<byte[]> revalidated = client.get(countQuery, "Accept", JSON, "If-None-Match", oldTag);
        assertEquals(200, revalidated.statusCode(), "an ETag of the old graph no longer matches");
        assertNotEquals(oldTag, revalidated.headers().firstValue("ETag").orElseThrow());
        assertTrue(after.triples() < before.triples(), "one guiding body fewer: " + after + " vs " + before);
        assertTrue(rebuilt.get("failedRebuild").isNull());
        assertEquals(List.of(), List.copyOf(failures), "every request answered 200");
        // each request answers from one graph: every part of a snapshot is the old one or the new one,
        // and once a reader has seen the new one it never sees the old one again
        int oldSeen = 0;
        int newSeen = 0;
        for (Future<List<Snapshot>> reader : seen) {
            Snapshot latest = before;
            for (Snapshot snapshot : reader.get()) {
                assertOneOf(before.triples(), after.triples(), snapshot.triples(), latest.triples());
                assertOneOf(before.titles(), after.titles(), snapshot.titles(), latest.titles());
                assertOneOf(before.title(), after.title(), snapshot.title(), latest.title());
                latest = snapshot;
                if (snapshot.equals(before)) {
                    oldSeen++;
                } else if (snapshot.equals(after)) {
                    newSeen++;
                }
            }
        }
        assertTrue(oldSeen > 0 && newSeen > 0, "readers saw both graphs: " + oldSeen + " old, " + newSeen + " new");
    }

    /** {@code seen} is the old or the new value, and not the old one after {@code previous} was the new one. */
    private static void assertOneOf(Object oldValue, Object newValue, Object seen, Object previous) {
        assertTrue(seen.equals(oldValue) || seen.equals(newValue), "neither the old graph nor the new one: " + seen);
        assertFalse(previous.equals(newValue) && seen.equals(oldValue), "the old graph came back after the new one");
    }

    @Test
    void aFailedRebuildKeepsTheServedGraphAndSaysWhy() throws Exception {
        Snapshot before = snapshot();
        String servedVersion = status().get("dataVersion").asText();

        editSource(original.replace(OLD_BODIES, OLD_BODIES.replace("科技部", "未知部")));
        JsonNode failed = waitForStatus(status -> !status.get("failedRebuild").isNull()).get("failedRebuild");
        String reason = failed.get("reason").asText();
        assertTrue(reason.startsWith(data.resolve(SOURCE) + ":14: "), reason);
        assertTrue(reason.contains("未知部"), reason);
        assertNotEquals(servedVersion, failed.get("dataVersion").asText());
        assertEquals(servedVersion, status().get("dataVersion").asText());
        assertEquals(before, snapshot(), "the served graph is untouched");

        editSource(original);
        JsonNode fixed = waitForStatus(status -> status.get("failedRebuild").isNull());
        assertEquals(servedVersion, fixed.get("dataVersion").asText(), "the same data, the same version");
        assertEquals(before, snapshot());
    }

    @Test
    void statusNamesTheServedVersion() throws IOException {
        HttpResponse<byte[]> response = client.get(StatusServlet.PATH);
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode status = MAPPER.readTree(response.body());
        assertEquals(live.get().version(), status.get("dataVersion").asText());
        assertTrue(status.get("failedRebuild").isNull());
    }

    /** What one reader sees in three requests: the triple count, the titles, and measure 1 through the query API. */
    private record Snapshot(long triples, Set<String> titles, String title) {
    }

    private Snapshot snapshot() {
        long triples = Long.parseLong(client.rows(query("count-default-graph.rq"), JSON).get(0).get("triples"));
        HttpResponse<byte[]> titles = client.get("/kg/sparql?query=" + SparqlClient.encode(query("construct-measure-titles.rq")),
                "Accept", "application/n-triples");
        assertEquals(200, titles.statusCode(), SparqlClient.text(titles));
        Set<String> titleLines = Set.copyOf(SparqlClient.text(titles).lines().toList());
        assertEquals(16, titleLines.size(), "16 measures, each with one title");
        HttpResponse<byte[]> detail = client.get(QueryApi.PATH + "/measure-detail?measure=1&format=json");
        assertEquals(200, detail.statusCode(), SparqlClient.text(detail));
        try {
            String title = MAPPER.readTree(detail.body()).get("rows").get(0).get("title").asText();
            return new Snapshot(triples, titleLines, title);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode status() throws IOException {
        return MAPPER.readTree(client.get(StatusServlet.PATH).body());
    }

    private JsonNode waitForStatus(Predicate<JsonNode> reached) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = status();
            if (reached.test(status)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the status did not change within " + WAIT + ": " + status());
    }

    private void editSource(String text) throws IOException {
        Path source = data.resolve(SOURCE);
        Path edited = temp.resolve("edited.tmp");
        Files.writeString(edited, text, StandardCharsets.UTF_8);
        Files.move(edited, source, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
