package io.reformkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog reads every query's header; a malformed header fails with the file and line. */
public class QueryCatalogTest {
    public static final List<String> LIBRARY = List.of("bodies-never-co-guiding", "body-connection", "body-current-names",
            "body-detail", "body-partners", "co-guidance-pairs", "cq1-co-guidance-pairs", "cq2-measures-per-body",
            "cq3-pilot-only-measures", "cq4-declared-and-held-measures", "cq5-single-body-measures",
            "cq6-categories-per-body", "cq7-reorganised-body-measures", "cq8-measures-in-place", "keyword-search",
            "lead-bodies", "lead-counts", "measure-detail", "measures-by-category-and-scope");

    private static final String HEADER = """
            # title.zh: 标题
            # title.en: Title
            # question.zh: 问题？
            # question.en: Question?
            """;
    private static final String BODY = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
            + "SELECT ?measure WHERE { VALUES ?category { <https://w3id.org/reform-kg/category/tech-finance> } "
            + "?measure rkg:category ?category }\n";

    @Test
    void theLibraryHoldsEveryQueryWithItsHeader() {
        QueryCatalog catalog = QueryCatalog.load();
        assertTrue(catalog.names().containsAll(LIBRARY), catalog.names().toString());
        NamedQuery cq1 = catalog.get("cq1-co-guidance-pairs");
        assertEquals("类别内的共同指导部门对", cq1.title().zh());
        assertEquals("Bodies that jointly guide a category's measures", cq1.title().en());
        assertTrue(cq1.question().en().startsWith("Which bodies jointly guide the measures of a category"));
        assertEquals(List.of(new QueryParameter("category", ParameterKind.CATEGORY, "tech-finance",
                "类别：编号、中文或英文名称或 IRI / the category: id (tech-finance), Chinese or English name, or IRI")),
                cq1.parameters());
        assertEquals(List.of("bodyA", "bodyB", "measures", "numbers"), cq1.columnNames());
        assertEquals("部门甲（名称排序在前者）/ one body of the pair (the name that sorts first)",
                cq1.columns().get(0).description());
        assertTrue(cq1.sparql().startsWith("# title.zh: 类别内的共同指导部门对\n"));
        assertEquals(Optional.of(Computation.KEYWORD_SNIPPETS), catalog.get("keyword-search-text").computation());
        assertEquals(Optional.empty(), catalog.get("body-connection").computation());
        for (NamedQuery query : catalog.queries()) {
            assertFalse(query.question().zh().isBlank() || query.question().en().isBlank(), query.name());
            assertTrue(query.parameters().stream().noneMatch(QueryParameter::required),
                    query.name() + ": every library parameter has a default");
        }
    }

    @Test
    void aFileWithoutTheCatalogHeaderIsLeftOut(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("internal.rq"), "# used by another feature\n" + BODY);
        Files.writeString(dir.resolve("listed.rq"), HEADER + "# column: measure — 举措 / measure\n" + BODY);
        Files.writeString(dir.resolve("notes.txt"), HEADER);
        assertEquals(List.of("listed"), QueryCatalog.load(dir).names());
    }

    @Test
    void theCatalogIsReadFromAJarAsFromAFolder(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("program.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("queries/listed.rq", HEADER + "# column: measure — 举措 / measure\n" + BODY);
            entries.put("queries/internal.rq", "# used by another feature\n" + BODY);
            entries.put("queries/notes.txt", HEADER);
            entries.put("queries/nested/deeper.rq", HEADER + "# column: measure — 举措 / measure\n" + BODY);
            entries.put("other/elsewhere.rq", HEADER + "# column: measure — 举措 / measure\n" + BODY);
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        QueryCatalog catalog = QueryCatalog.loadFromClasspathRoot(jar);
        assertEquals(List.of("listed"), catalog.names());
        assertEquals(List.of("measure"), catalog.get("listed").columnNames());

        Path empty = dir.resolve("empty.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new JarEntry("other/elsewhere.rq"));
            out.closeEntry();
        }
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> QueryCatalog.loadFromClasspathRoot(empty));
        assertEquals("the jar " + empty + " holds no queries/*.rq; rebuild with mvn package", missing.getMessage());
    }

    @Test
    void aCompleteHeaderParses() {
        NamedQuery query = QueryCatalog.parse("demo", HEADER
                + "# param: category (category) 类别 / category\n"
                + "# param: year (integer, default 5) 年份 / year\n"
                + "# column: measure — 举措 / measure\n"
                + "# a free note\n" + BODY).orElseThrow();
        assertTrue(query.parameters().get(0).required());
        assertEquals("5", query.parameters().get(1).defaultValue());
        assertEquals(ParameterKind.INTEGER, query.parameters().get(1).kind());
        assertEquals(Optional.empty(), query.paging());
        assertEquals(query.parameters(), query.accepted());
    }

    @Test
    void aParameterAndTheLanguageHaveTheirDefaultsInTheQuery() {
        String header = HEADER + "# param: category (category, default tech-finance) 类别 / category\n"
                + "# column: measure — 举措 / measure\n";
        String unbound = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?measure WHERE { ?measure rkg:category ?category }\n";
        assertEquals("queries/demo.rq: ?category has no default in the query; give it as VALUES ?category { ... } "
                + "where it is used, so the query runs as written", failure(header + unbound));
        String noLanguage = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?measure WHERE { VALUES ?category { <https://w3id.org/reform-kg/category/tech-finance> } "
                + "?measure rkg:category ?category ; rkg:title ?title . FILTER (LANG(?title) = ?lang) }\n";
        assertEquals("queries/demo.rq: ?lang has no default in the query; give it as VALUES ?lang { ... } "
                + "where it is used, so the query runs as written", failure(header + noLanguage));
        String twoValues = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?measure WHERE { VALUES ?category { rkg:a rkg:b } ?measure rkg:category ?category }\n";
        assertEquals("queries/demo.rq: the VALUES block of ?category must give that variable alone one value, its "
                + "default: VALUES ?category { ... }", failure(header + twoValues));
        assertEquals(Set.of("category"), QueryCatalog.parse("demo", header + BODY).orElseThrow().valuesBound());
        // bound in a sub-query that does not project it, a parameter may name a column of the answer
        String inSubQuery = HEADER + "# param: measure (integer, default 3) 序号 / number\n"
                + "# column: measure — 举措 / measure\nPREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?measure WHERE { { SELECT (MIN(?m) AS ?first) WHERE { VALUES ?measure { 3 } "
                + "?m rkg:sequenceNumber ?measure } } BIND (?first AS ?measure) }\n";
        assertEquals(Set.of("measure"), QueryCatalog.parse("demo", inSubQuery).orElseThrow().valuesBound());
        assertEquals("queries/demo.rq: parameter measure is also a column; give the column another name",
                failure(inSubQuery.replace("SELECT (MIN(?m) AS ?first)", "SELECT ?measure (MIN(?m) AS ?first)")
                        .replace("BIND (?first AS ?measure)", "").replace("} } ", "} GROUP BY ?measure } ")));
        // the explorer's own queries may leave a parameter to be bound in the text's syntax
        assertEquals(Set.of(), QueryCatalog.parse("demo", header + unbound, true).orElseThrow().valuesBound());
    }

    @Test
    void aPagedQueryTakesLimitAndOffsetBesideItsParameters() {
        NamedQuery query = QueryCatalog.parse("demo", HEADER
                + "# param: category (category) 类别 / category\n"
                + "# page: limit 20 max 500\n"
                + "# column: measure — 举措 / measure\n" + BODY + "ORDER BY ?measure\n").orElseThrow();
        assertEquals(Optional.of(new Paging(20, 500)), query.paging());
        assertEquals(List.of("category"), query.parameters().stream().map(QueryParameter::name).toList());
        assertEquals(List.of("category|category|null", "limit|integer|20", "offset|integer|0"), query.accepted().stream()
                .map(parameter -> parameter.name() + "|" + parameter.kind().label() + "|" + parameter.defaultValue())
                .toList());
        for (String name : List.of("measures-in-place", "cq8-measures-in-place", "keyword-search", "keyword-search-text",
                "cq3-pilot-only-measures", "cq5-single-body-measures", "cq7-reorganised-body-measures", "lead-bodies",
                "explorer-search", "explorer-body-measures", "explorer-shared-measures")) {
            assertEquals(Optional.of(new Paging(100, 1000)), QueryCatalog.load().get(name).paging(), name);
        }
        assertEquals(Optional.empty(), QueryCatalog.load().get("cq1-co-guidance-pairs").paging());
    }

    @Test
    void aPagedQueryMustBeOrderedAndLeaveLimitAndOffsetToTheRunner() {
        String paged = HEADER + "# page: limit 20 max 500\n# column: measure — 举措 / measure\n";
        assertEquals("queries/demo.rq: a paged query needs an ORDER BY that orders its rows totally",
                failure(paged + BODY));
        assertEquals("queries/demo.rq: a paged query takes its LIMIT and OFFSET from the limit and offset parameters; "
                + "remove them from the SPARQL", failure(paged + BODY + "ORDER BY ?measure LIMIT 10\n"));
        assertEquals("queries/demo.rq:5: expected \"page: limit DEFAULT max MAX\", found \"page: 20\"",
                failure(HEADER + "# page: 20\n" + BODY));
        assertEquals("queries/demo.rq:5: the default limit 600 must lie between 1 and the maximum 500",
                failure(HEADER + "# page: limit 600 max 500\n" + BODY));
        assertEquals("queries/demo.rq:6: page is given twice",
                failure(HEADER + "# page: limit 20 max 500\n# page: limit 20 max 500\n" + BODY));
        assertEquals("queries/demo.rq: offset cannot be a parameter: the HTTP API and the runner use the names lang, "
                + "format, limit, offset", failure(HEADER + "# param: offset (integer) 偏移 / offset\n"
                + "# column: measure — 举措 / measure\n" + BODY));
    }

    @Test
    void malformedHeadersNameTheFileAndLine() {
        assertEquals("queries/demo.rq: the header lacks \"# question.en: ...\"", failure(
                "# title.zh: 标题\n# title.en: Title\n# question.zh: 问题？\n# column: measure — 举措 / measure\n" + BODY));
        assertEquals("queries/demo.rq:5: expected \"param: NAME (KIND[ A|B|…][, default VALUE]) 中文 / English\", found "
                + "\"param: category 类别\"", failure(HEADER + "# param: category 类别\n" + BODY));
        assertEquals("queries/demo.rq:5: unknown parameter kind \"colour\"; use one of: category, body, place, iri, text, "
                + "choice, integer", failure(HEADER + "# param: c (colour) 颜色 / colour\n" + BODY));
        assertEquals("queries/demo.rq:5: expected the values after the kind for a choice, (choice A|B|…), and only for "
                + "a choice; found \"param: c (choice, default a) 选项 / choice\"",
                failure(HEADER + "# param: c (choice, default a) 选项 / choice\n" + BODY));
        assertEquals("queries/demo.rq:5: expected the values after the kind for a choice, (choice A|B|…), and only for "
                + "a choice; found \"param: c (text a|b) 文本 / text\"", failure(HEADER + "# param: c (text a|b) 文本 / text\n" + BODY));
        assertEquals("queries/demo.rq:5: the default c is not one of a, b",
                failure(HEADER + "# param: c (choice a|b, default c) 选项 / choice\n" + BODY));
        assertEquals("queries/demo.rq:5: expected \"column: NAME — 中文 / English\", found \"column: measure\"",
                failure(HEADER + "# column: measure\n" + BODY));
        assertEquals("queries/demo.rq: the header declares no \"# column: NAME — ...\"", failure(HEADER + BODY));
        assertEquals("queries/demo.rq: the header declares the columns title but the query selects measure",
                failure(HEADER + "# column: title — 名称 / title\n" + BODY));
        assertEquals("queries/demo.rq: parameter measure is also a column; give the column another name",
                failure(HEADER + "# param: measure (integer) 序号 / number\n# column: measure — 举措 / measure\n" + BODY));
        assertEquals("queries/demo.rq: format cannot be a parameter: the HTTP API and the runner use the names lang, "
                + "format, limit, offset", failure(HEADER + "# param: format (text) 格式 / format\n# column: measure — 举措 / measure\n"
                + BODY));
        assertEquals("queries/demo.rq:2: title.zh is given twice", failure("# title.zh: 标题\n" + HEADER + BODY));
        assertTrue(failure(HEADER + "# column: measure — 举措 / measure\nSELECT ?measure WHERE {")
                .startsWith("queries/demo.rq: the SPARQL does not parse: "));
        assertEquals("queries/demo.rq: unknown computation \"magic\"; the computations are keyword-snippets",
                failure(HEADER + "# column: measure — 举措 / measure\n# computed: magic\n" + BODY));
    }

    @Test
    void keywordSnippetsAddTheLastColumnToEachRowOfAPage() {
        String snippets = HEADER + "# param: keyword (text) 关键词 / keyword\n# page: limit 20 max 500\n"
                + "# column: measure — 举措 / measure\n";
        NamedQuery paged = QueryCatalog.parse("demo", snippets + "# column: snippet — 摘要 / snippet\n"
                + "# computed: keyword-snippets\n" + BODY + "ORDER BY ?measure\n").orElseThrow();
        assertEquals(List.of("measure", "snippet"), paged.columnNames());
        assertEquals("queries/demo.rq: the computation adds the column snippet; declare it as the last column",
                failure(snippets + "# computed: keyword-snippets\n" + BODY + "ORDER BY ?measure\n"));
        assertEquals("queries/demo.rq: the computation keyword-snippets reads the parameter keyword, which the header "
                + "lacks", failure(HEADER + "# column: measure — 举措 / measure\n# column: snippet — 摘要 / snippet\n"
                + "# computed: keyword-snippets\n" + BODY));
    }

    private static String failure(String text) {
        return assertThrows(IllegalStateException.class, () -> QueryCatalog.parse("demo", text)).getMessage();
    }
}
