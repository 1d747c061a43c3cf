package io.reformkg.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/querying.md's examples, each run at a served store's SPARQL endpoint with the prefix
 * block the doc gives first, answer the rows the doc prints under them.
 */
class QueryingDocTest {
    private static final Path DOC = Path.of("docs/querying.md");
    private static GraphStore store;
    private static ReformServer server;
    private static SparqlClient client;

    /** A {@code sparql} block and the {@code text} block after it: the rows, values joined by " | ". */
    private record Example(String sparql, List<String> answer) {
    }

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
    void everyExampleAnswersWhatTheDocPrints() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<List<String>> sparql = new ArrayList<>();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```sparql")) {
                List<String> block = block(lines, i + 1);
                sparql.add(block);
                i += block.size() + 1;
                if (sparql.size() > 1) {
                    int fence = i + 1;
                    while (fence < lines.size() && !lines.get(fence).startsWith("```")) {
                        fence++;
                    }
                    assertEquals("```text", lines.get(fence), DOC + ":" + (fence + 1) + ": the answer follows the query");
                    List<String> answer = block(lines, fence + 1);
                    examples.add(new Example(String.join("\n", block), answer));
                    i = fence + answer.size() + 1;
                }
            }
        }
        String prefixes = String.join("\n", sparql.get(0));
        assertTrue(prefixes.lines().allMatch(line -> line.startsWith("PREFIX ")), "the first block is the prefixes");
        assertEquals(10, examples.size(), "the patterns the doc shows");
        PrefixMapping shortForms = QueryFactory.create(prefixes + "\nASK {}").getPrefixMapping();
        List<Executable> checks = new ArrayList<>();
        for (Example example : examples) {
            checks.add(() -> assertEquals(example.answer(), rows(prefixes + "\n" + example.sparql(), shortForms),
                    example.sparql()));
        }
        assertAll(checks);
    }

    private static List<String> block(List<String> lines, int from) {
        List<String> block = new ArrayList<>();
        for (int i = from; !lines.get(i).startsWith("```"); i++) {
            block.add(lines.get(i));
        }
        return block;
    }

    /** The answer's header (the variables) and rows, values joined by " | ". */
    private static List<String> rows(String sparql, PrefixMapping shortForms) {
        HttpResponse<byte[]> response = client.post("/kg/sparql", "application/sparql-query", sparql,
                "Accept", SparqlClient.JSON);
        assertEquals(200, response.statusCode(), SparqlClient.text(response));
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON);
        List<String> rows = new ArrayList<>(List.of(String.join(" | ", results.getResultVars())));
        while (results.hasNext()) {
            QuerySolution solution = results.next();
            List<String> values = new ArrayList<>();
            for (String variable : results.getResultVars()) {
                RDFNode value = solution.get(variable);
                values.add(value == null ? "" : value.isLiteral() ? value.asLiteral().getLexicalForm()
                        : shortForms.shortForm(value.toString()));
            }
            rows.add(String.join(" | ", values));
        }
        return rows;
    }
}
