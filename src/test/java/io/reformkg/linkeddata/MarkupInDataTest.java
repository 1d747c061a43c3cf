package io.reformkg.linkeddata;

import static io.reformkg.linkeddata.LinkedDataServer.text;
import static io.reformkg.linkeddata.LinkedDataServer.xml;
import static io.reformkg.linkeddata.LinkedDataServerTest.nodes;
import static io.reformkg.linkeddata.LinkedDataServerTest.parse;
import static io.reformkg.linkeddata.LinkedDataServerTest.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.graph.IriScheme;
import io.reformkg.store.GraphStore;
import io.reformkg.testing.DataFolders;
import io.reformkg.vocab.ELI;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A measure whose title holds markup ({@code <script>}, quotes, an ampersand) must reach every
 * page as text: escaped in HTML, unable to close the embedded JSON-LD script, intact in RDF.
 */
class MarkupInDataTest {
    private static final String ORIGINAL_TITLE = "生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制";
    private static final String HOSTILE_TITLE = ORIGINAL_TITLE
            + "<script>alert(\"x\")</script> & <b onclick='steal()'>粗体</b> </script><!--";

    @TempDir
    static Path dataCopy;
    private static LinkedDataServer server;

    @BeforeAll
    static void start() throws IOException {
        DataFolders.copy(Path.of("data"), dataCopy);
        Path source = dataCopy.resolve("sources/batch-3-innovation-reform-measures.txt");
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertTrue(text.contains(ORIGINAL_TITLE));
        Files.writeString(source, text.replace(ORIGINAL_TITLE, HOSTILE_TITLE), StandardCharsets.UTF_8);
        server = new LinkedDataServer(GraphStore.create().data(dataCopy).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theMeasurePageShowsTheMarkupAsText() throws Exception {
        byte[] body = server.get("/list/3/measure/12.html").body();
        String page = new String(body, StandardCharsets.UTF_8);
        assertFalse(page.contains("<script>alert"), "the title's script element is not in the page");
        assertFalse(page.contains("<b onclick"), "nor its bold element");
        assertTrue(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&#39;steal()&#39;&gt;"));
        Document document = xml(body);
        assertEquals(HOSTILE_TITLE, string(document, "//h1"), "the reader sees the title exactly");
        assertEquals(HOSTILE_TITLE, string(document, "//title").replace(" — Reform KG", ""));
        assertEquals(1, nodes(document, "//script").getLength(), "only the page's own JSON-LD script");
        String json = string(document, "//script[@type='application/ld+json']");
        assertFalse(json.contains("<"), "the JSON-LD cannot close its script element");
        assertEquals(HOSTILE_TITLE, new ObjectMapper().readTree(json).get("name").asText());
    }

    @Test
    void pagesThatListTheMeasureEscapeItToo() throws Exception {
        Document body = xml(server.get("/body/GACC.html").body());
        assertEquals(HOSTILE_TITLE, string(body, "//section[@id='measures']//tbody/tr/td[2]/a"));
        Document region = xml(server.get("/region/wuhan.html").body());
        assertEquals(HOSTILE_TITLE, string(region, "//section[@id='measures-here']//tbody/tr[td[1]='12']/td[2]/a"));
        HttpResponse<byte[]> categoryResponse = server.get("/category/tech-management.html");
        assertFalse(text(categoryResponse).contains("<script>alert"));
        NodeList links = nodes(xml(categoryResponse.body()), "//section[@id='referenced-by']//a");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            texts.add(links.item(i).getTextContent());
        }
        assertTrue(texts.contains(HOSTILE_TITLE), "the category lists the measure by its title: " + texts);
    }

    @Test
    void rdfCarriesTheTitleUnchanged() {
        DatasetGraph description = parse(server.get("/list/3/measure/12.ttl").body(), Lang.TURTLE, server.root);
        Node measure = NodeFactory.createURI(IriScheme.defaults().measure(3, 12));
        assertTrue(description.contains(Node.ANY, measure, ELI.title.asNode(),
                NodeFactory.createLiteralLang(HOSTILE_TITLE, "zh")));
    }

}
