package io.reformkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.util.FmtUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values that try to break out of the query (quotes, braces, UNION, comments, new lines) are
 * bound as literals and match nothing, or name nothing and are refused; the query never changes.
 */
class ParameterInjectionTest {
    private static final List<String> ATTACKS = List.of(
            "担保\") } UNION { ?measure ?p ?o } #",
            "担保\" || true || \"",
            "\"",
            "'",
            "}",
            "UNION",
            "# 担保",
            "担保\n} UNION { ?measure ?p ?o }\n#",
            "担保\\",
            "<https://w3id.org/reform-kg/list/3/measure/3>");

    private static GraphStore store;
    private static QueryRunner runner;

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(Path.of("data")).build();
        runner = QueryRunner.over(store.dataset(), QueryCatalog.load());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void textValuesAreLiteralsThatMatchNothing() {
        for (String attack : ATTACKS) {
            assertEquals(0, runner.run("keyword-search", Map.of("keyword", attack), Language.ZH).count(), attack);
        }
    }

    @Test
    void theBoundQueryHasTheShapeOfTheTextWithAnInnocentWord() {
        String text = QueryCatalog.load().get("keyword-search").sparql();
        for (String attack : ATTACKS) {
            assertEquals(shape(text, "担保"), shape(text, attack), attack);
        }
    }

    /** The query's algebra with the keyword literal replaced by a marker: it differs only if the structure does. */
    private static String shape(String text, String keyword) {
        Query query = QueryFactory.create(text);
        ValuesDefaults.bind(query, Map.of(Var.alloc("keyword"), NodeFactory.createLiteralString(keyword)));
        String algebra = Algebra.compile(query).toString();
        String literal = FmtUtils.stringForNode(
                ResourceFactory.createStringLiteral(keyword).asNode());
        assertTrue(algebra.contains(literal), algebra);
        return algebra.replace(literal, "KEYWORD");
    }

    @Test
    void valuesThatMustNameSomethingAreRefused() {
        Map<String, Map<String, String>> attacks = Map.of(
                "body-partners", Map.of("body", "MOST> } UNION { ?s ?p ?o } #"),
                "cq1-co-guidance-pairs", Map.of("category", "tech-finance> . } UNION { ?a ?b ?c"),
                "cq8-measures-in-place", Map.of("place", "合肥\" } #"),
                "measure-detail", Map.of("measure", "12 } UNION { ?s ?p ?o"),
                "body-connection", Map.of("from", "SPC\" ; ?x ?y"));
        attacks.forEach((name, parameters) -> assertThrows(InvalidParameterException.class,
                () -> runner.run(name, parameters, Language.ZH), name + " " + parameters));
    }

    @Test
    void overlongTextIsRefused() {
        InvalidParameterException error = assertThrows(InvalidParameterException.class,
                () -> runner.run("keyword-search", Map.of("keyword", "担".repeat(201)), Language.ZH));
        assertEquals("parameter keyword takes at most 200 characters, found 201", error.getMessage());
    }
}
