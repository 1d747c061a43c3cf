package io.reformkg.server;

import static io.reformkg.server.SparqlClient.CSV;
import static io.reformkg.server.SparqlClient.encode;
import static io.reformkg.server.SparqlClient.query;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.reformkg.query.api.QueryApi;
import io.reformkg.store.GraphStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted server on the same TDB2 store answers what was asked before from disk, byte for byte. */
class AnswersKeptOnDiskTest {
    private static final List<String> ASKED = List.of(
            "/kg/sparql?query=" + encode(query("cq/cq2-measures-per-body.rq")),
            "/api/queries/cq2-measures-per-body?lang=en");

    @Test
    void aRestartedServerAnswersWhatWasAskedBeforeWithoutComputingIt(@TempDir Path db) {
        List<HttpResponse<byte[]>> before = askEach(db, "Cache-Control", "no-cache");
        List<HttpResponse<byte[]>> after = askEach(db);

        for (int i = 0; i < ASKED.size(); i++) {
            String asked = ASKED.get(i);
            assertEquals(200, after.get(i).statusCode(), asked);
            assertEquals("miss", header(before.get(i), "X-Cache"), asked);
            assertEquals("hit", header(after.get(i), "X-Cache"), asked);
            assertArrayEquals(before.get(i).body(), after.get(i).body(), asked);
            assertEquals(header(before.get(i), "ETag"), header(after.get(i), "ETag"), asked);
            assertEquals(header(before.get(i), "Content-Type"), header(after.get(i), "Content-Type"), asked);
        }
    }

    @Test
    void aStoreInMemoryKeepsNothingOnDisk() {
        try (GraphStore store = GraphStore.create().data(Path.of("data")).build()) {
            assertFalse(store.answersFolder().isPresent());
        }
    }

    /** Opens the store in the folder (built the first time), serves it, asks each question, stops. */
    private static List<HttpResponse<byte[]>> askEach(Path db, String... headers) {
        try (GraphStore store = GraphStore.create().data(Path.of("data")).tdb2(db).quietly().build()) {
            ReformServer server = ReformServer.create().store(store).port(0).linkedData(false)
                    .mount(QueryApi.servlets(store, Duration.ofSeconds(10))).build().start();
            try {
                SparqlClient client = new SparqlClient(server.root());
                List<HttpResponse<byte[]>> answers = new ArrayList<>();
                for (String asked : ASKED) {
                    List<String> request = new ArrayList<>(List.of("Accept", CSV));
                    request.addAll(List.of(headers));
                    answers.add(client.get(asked, request.toArray(String[]::new)));
                }
                return answers;
            } finally {
                server.stop();
            }
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
