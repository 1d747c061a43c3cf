package io.reformkg.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The explorer's files over HTTP on a real server, beside the other servlets. */
class ExplorerServletTest {
    private static ExplorerServer server;

    @BeforeAll
    static void start() {
        server = new ExplorerServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rootServesThePage() {
        HttpResponse<byte[]> page = server.get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(ExplorerServer.text(page).contains("<script src=\"/explorer/app.js\" type=\"module\""), ExplorerServer.text(page));
        assertEquals(ExplorerServer.text(page), ExplorerServer.text(server.get("/explorer/")));
    }

    @Test
    void everyScriptAndStylesheetThePageNamesIsServed() {
        String page = ExplorerServer.text(server.get("/"));
        Matcher links = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page);
        int checked = 0;
        while (links.find()) {
            String path = links.group(1);
            HttpResponse<byte[]> file = server.get(path);
            assertEquals(200, file.statusCode(), path);
            String type = file.headers().firstValue("Content-Type").orElseThrow();
            assertTrue(path.endsWith(".js") ? type.startsWith("text/javascript")
                    : path.endsWith(".css") ? type.startsWith("text/css") : !type.isEmpty(), path + " " + type);
            checked++;
        }
        // app.js, app.css, cytoscape, chart.js, yasgui js and css
        assertTrue(checked >= 6, "the page names " + checked + " files");
    }

    /** The page loads app.js as a module; every module it imports, and they import, is served as JavaScript. */
    @Test
    void everyModuleTheAppImportsIsServed() {
        assertTrue(ExplorerServer.text(server.get("/")).contains("<script src=\"/explorer/app.js\" type=\"module\">"));
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(java.util.List.of("/explorer/app.js"));
        java.util.Set<String> seen = new java.util.TreeSet<>();
        Pattern imports = Pattern.compile("^import [^;]*? from '(\\.{1,2}/[^']+)';", Pattern.MULTILINE);
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<byte[]> module = server.get(path);
            assertEquals(200, module.statusCode(), path);
            assertTrue(module.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"), path);
            Matcher imported = imports.matcher(ExplorerServer.text(module));
            while (imported.find()) {
                queue.add(java.net.URI.create(path).resolve(imported.group(1)).toString());
            }
        }
        assertTrue(seen.containsAll(java.util.List.of("/explorer/state.js", "/explorer/api.js", "/explorer/router.js",
                "/explorer/dom.js", "/explorer/views/search.js", "/explorer/views/dashboard.js")), seen.toString());
    }

    @Test
    void webJarsAreCachedForAYearAndRevalidateByEtag() {
        String path = "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js";
        HttpResponse<byte[]> library = server.get(path);
        assertEquals(200, library.statusCode());
        assertEquals("public, max-age=31536000, immutable", library.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("text/javascript;charset=utf-8",
                library.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        String etag = library.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, server.get(path, "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> gzipped = server.get(path, "Accept-Encoding", "gzip");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
    }

    @Test
    void configTellsThePageTheIriBase() {
        HttpResponse<byte[]> config = server.get("/explorer/config.json");
        assertEquals(200, config.statusCode());
        assertTrue(ExplorerServer.text(config).contains("\"base\":\"https://w3id.org/reform-kg/\""),
                ExplorerServer.text(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/explorer/missing.js", "/webjars/cytoscape/0.0.0/dist/cytoscape.min.js",
            "/webjars/cytoscape/3.33.1/dist", "/webjars/", "/explorer/app.js.bak", "/webjars/cytoscape/3.33.1/package.json.x",
            "/webjars/cytoscape/3.33.1/dist/../../../../io/reformkg/explorer/Explorer.class",
            "/explorer/i18n/../../linkeddata/dataset.ttl", "/explorer/config.json/x"})
    void missingFilesAreNotFoundWithoutATrace(String path) {
        HttpResponse<byte[]> response = server.get(path);
        String body = ExplorerServer.text(response);
        assertEquals(404, response.statusCode(), path);
        assertFalse(body.contains("Exception") || body.contains("at io.") || body.contains("at org."), body);
        assertFalse(body.contains("<project") || body.contains("root:") || body.contains("Manifest-Version"), body);
    }

    /** Encoded dots and slashes are ambiguous: Jetty refuses them (400) before any servlet runs. */
    @ParameterizedTest
    @ValueSource(strings = {"/explorer/%2e%2e/%2e%2e/pom.xml", "/webjars/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
            "/explorer/..%2f..%2fpom.xml", "/webjars//etc/passwd", "/explorer/%2fetc%2fpasswd",
            "/explorer/..%5c..%5cpom.xml", "/explorer/.%2e/reform-kg.ttl", "/webjars/%2fetc%2fpasswd"})
    void escapesAreRefusedWithoutATrace(String path) {
        HttpResponse<byte[]> response = server.get(path);
        String body = ExplorerServer.text(response);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 404, path + " -> " + response.statusCode());
        assertFalse(body.contains("Exception") || body.contains("at io.") || body.contains("at org."), body);
        assertFalse(body.contains("<project") || body.contains("root:") || body.contains("Manifest-Version"), body);
    }

    @Test
    void unsafePathsNeverReachTheClassLoader() {
        for (String path : new String[] {"../pom.xml", "a/../../b.js", "/etc/passwd", "a//b.js", "./app.js", "a\\..\\b.js",
                "", "app.js/", "%2e%2e/x.js"}) {
            assertFalse(ClasspathFiles.isSafe(path), path);
        }
        assertTrue(ClasspathFiles.isSafe("cytoscape/3.33.1/dist/cytoscape.min.js"));
        assertTrue(ClasspathFiles.isSafe("zazuko__yasgui/4.5.0/build/yasgui.min.js"));
    }

    @Test
    void theOtherServletsKeepTheirPaths() {
        assertEquals(303, server.get("/list/3/measure/12", "Accept", "text/turtle").statusCode());
        HttpResponse<byte[]> sparql = server.get("/kg/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D",
                "Accept", "application/sparql-results+json");
        assertEquals(200, sparql.statusCode());
        assertTrue(ExplorerServer.text(sparql).contains("true"));
        assertEquals(200, server.get("/.well-known/void").statusCode());
        assertEquals(200, server.get("/api/queries").statusCode());
        assertEquals(200, server.get("/api/queries/cq2-measures-per-body").statusCode());
        assertEquals(200, server.get("/download/reform-kg.ttl").statusCode());
        assertEquals(303, server.get("/def/Measure", "Accept", "text/turtle").statusCode());
        assertEquals(404, server.get("/no-such-thing").statusCode());
    }
}
