package io.reformkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.query.QueryCatalog;
import io.reformkg.query.api.QueryApi;
import io.reformkg.server.ReformServer;
import io.reformkg.store.GraphStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --check}: one request per surface over HTTP, what answered, then the server stops. */
class ServeCheckTest {
    private static final String ROOT = "http://127\\.0\\.0\\.1:\\d+";

    @Test
    void asksEverySurfaceAndStops(@TempDir Path cache) throws Exception {
        // a cache of the test's own, not the user's ~/.cache
        CliRun run = CliRun.of("serve", "--check", "--port", "0", "--cache", cache.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        List<String> checks = run.out().lines().filter(line -> line.startsWith("check")).toList();
        assertEquals(5, checks.size(), run.out());
        // the CSV answers: a header and the five sections and the whole list, from either surface
        assertMatches("check: SPARQL endpoint " + ROOT + "/kg/sparql\\?query=cq4-declared-and-held-measures "
                + "answered 200, 7 lines, in \\d+ ms", checks.get(0));
        assertMatches("check: query API " + ROOT + "/api/queries/cq4-declared-and-held-measures\\?format=csv "
                + "answered 200, 7 lines, in \\d+ ms", checks.get(1));
        assertMatches("check: linked data \\(VoID\\) " + ROOT + "/\\.well-known/void answered 200, \\d+ lines, in \\d+ ms",
                checks.get(2));
        assertMatches("check: explorer " + ROOT + "/ answered 200, \\d+ lines, in \\d+ ms", checks.get(3));
        assertEquals("check: every surface answered", checks.get(4));
        int port = Integer.parseInt(checks.get(0).replaceFirst(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
        try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertTrue(free.isBound(), "the server stopped and freed its port");
        }
    }

    @Test
    void namesTheSurfaceThatDidNotAnswer() throws Exception {
        GraphStore store = GraphStore.create().data(Path.of("data")).build();
        ReformServer server = ReformServer.create().store(store).port(0)
                .mount(QueryApi.servlets(store, ReformServer.DEFAULT_TIMEOUT))
                .build().start();
        StringWriter out = new StringWriter();
        try {
            // no explorer mounted: the root is not found
            assertFalse(new ServeCheck(server, QueryCatalog.load(), ReformServer.DEFAULT_TIMEOUT).run(new PrintWriter(out, true)));
        } finally {
            server.stop();
            store.close();
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(5, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("check: SPARQL endpoint "), lines.get(0));
        assertTrue(lines.get(2).startsWith("check: linked data (VoID) "), lines.get(2));
        assertMatches("check failed: explorer " + ROOT + "/ answered 404: .*", lines.get(3));
        assertEquals("check failed: some surfaces did not answer", lines.get(4));
    }

    private static void assertMatches(String regex, String line) {
        assertTrue(Pattern.matches(regex, line), () -> "expected " + regex + "\n     got " + line);
    }
}
