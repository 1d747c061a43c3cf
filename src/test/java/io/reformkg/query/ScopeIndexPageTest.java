package io.reformkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.search.ScopeIndex;
import io.reformkg.store.GraphStore;
import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code measures-in-place} paged from a store's {@link ScopeIndex} gives the rows its SPARQL
 * gives, page for page: on a generated corpus of 1,500 measures in four lists (numbers repeat
 * across lists, so the measure IRI breaks ties), on the real list with city- and county-level
 * scopes, and from a TDB2 store reopened from disk.
 */
class ScopeIndexPageTest {
    private static final String QUERY = "measures-in-place";
    private static final List<String> PLACES = List.of("合肥", "黄山", "武汉", "深圳", "北京市东城区", "上海", "芜湖",
            "东莞", "天津", "乌鲁木齐", "火星");
    /** offset, limit */
    private static final List<long[]> WINDOWS = List.of(new long[] {0, 100}, new long[] {0, 1}, new long[] {99, 3},
            new long[] {100, 100}, new long[] {395, 10}, new long[] {1450, 100}, new long[] {0, 1000},
            new long[] {5000, 10});

    @TempDir
    static Path dir;
    private static GraphStore generated;
    private static GraphStore namingDivisions;
    private static final QueryCatalog CATALOG = QueryCatalog.load();

    @BeforeAll
    static void build() {
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.create().measures(1_500).seed(11).measuresPerList(400).build().writeTo(corpus);
        generated = GraphStore.create().data(corpus).quietly().build();
        namingDivisions = GraphStore.create().data(DataFolders.copyWithScopesNamingDivisions(dir.resolve("real")))
                .quietly().build();
    }

    @AfterAll
    static void close() {
        generated.close();
        namingDivisions.close();
    }

    @Test
    void everyPageOfAGeneratedCorpusIsTheSparqlsPage() {
        QueryRunner indexed = QueryRunner.over(generated, CATALOG);
        QueryRunner sparql = QueryRunner.over(generated.dataset(), CATALOG);
        for (String place : PLACES) {
            for (long[] window : WINDOWS) {
                Map<String, String> arguments = Map.of("placeName", place, "offset", String.valueOf(window[0]),
                        "limit", String.valueOf(window[1]));
                assertEquals(sparql.run(QUERY, arguments, Language.ZH), indexed.run(QUERY, arguments, Language.ZH),
                        place + " " + arguments);
            }
        }
        QueryResult hefei = indexed.run(QUERY, Map.of("placeName", "合肥"), Language.ZH);
        assertEquals(Optional.of(new Page(0, 100, true)), hefei.page());
        assertEquals(100, hefei.count());
        // four lists: each number up to 100 stands up to four times, ordered by the measure IRI
        assertEquals(1L, hefei.rows().get(0).get("number"));
        assertTrue(hefei.column("number").stream().filter(number -> number.equals(1L)).count() > 1);
        assertTrue(indexed.run("scopes-covering-place", Map.of("placeName", "合肥"), Language.ZH).count() >= 2,
                "合肥 is covered by the nationwide scope and at least one more");
    }

    @Test
    void theRealListWithScopesNamingDivisionsAgrees() {
        QueryRunner indexed = QueryRunner.over(namingDivisions, CATALOG);
        QueryRunner sparql = QueryRunner.over(namingDivisions.dataset(), CATALOG);
        for (String place : PLACES) {
            Map<String, String> arguments = Map.of("placeName", place);
            assertEquals(sparql.run(QUERY, arguments, Language.ZH), indexed.run(QUERY, arguments, Language.ZH), place);
        }
        // 黄山 lies in no pilot region and is named by no scope: the nationwide measures only
        assertEquals(List.of(1L, 2L, 5L, 6L, 8L, 9L, 10L, 11L, 13L),
                indexed.run(QUERY, Map.of("placeName", "黄山"), Language.ZH).column("number"));
        // 芜湖 lies in the pilot region 合芜蚌 and is named by measure 12's scope (合肥、芜湖市)
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L),
                indexed.run(QUERY, Map.of("placeName", "芜湖"), Language.ZH).column("number"));
        QueryResult unknown = indexed.run(QUERY, Map.of("placeName", "火星"), Language.ZH);
        assertEquals(List.of(), unknown.rows());
        assertEquals(Optional.of(new Page(0, 100, false)), unknown.page());
    }

    @Test
    void aTdb2StoreReopenedFromDiskPagesFromTheIndexItKept(@TempDir Path db) {
        Path data = DataFolders.copyOfData(db.resolve("data"));
        GraphStore.create().data(data).tdb2(db.resolve("store")).quietly().build().close();
        try (GraphStore reopened = GraphStore.create().data(data).tdb2(db.resolve("store")).quietly().build()) {
            assertFalse(reopened.wasRebuilt());
            QueryRunner indexed = QueryRunner.over(reopened, CATALOG);
            QueryResult second = indexed.run(QUERY, Map.of("placeName", "合肥", "limit", "3", "offset", "3"), Language.ZH);
            assertEquals(List.of(4L, 5L, 6L), second.column("number"));
            assertEquals(Optional.of(new Page(3, 3, true)), second.page());
            assertEquals(List.of("https://w3id.org/reform-kg/scope/pilot-regions",
                    "https://w3id.org/reform-kg/scope/nationwide",
                    "https://w3id.org/reform-kg/scope/nationwide"), second.column("scope"));
            assertEquals(QueryRunner.over(reopened.dataset(), CATALOG).run(QUERY, Map.of(), Language.ZH),
                    indexed.run(QUERY, Map.of(), Language.ZH));
        }
    }

    @Test
    void theIndexAloneGivesNothingForNoScopeOrPastTheEnd() {
        ScopeIndex index = generated.scopeIndex();
        assertEquals(List.of(), index.measures(List.of(), 0, 10));
        assertEquals(List.of(), index.measures(List.of("https://w3id.org/reform-kg/scope/none"), 0, 10));
        assertEquals(List.of(), index.measures(List.of("https://w3id.org/reform-kg/scope/nationwide"), 1_500, 10));
        List<ScopeIndex.ScopedMeasure> first = index.measures(List.of("https://w3id.org/reform-kg/scope/nationwide"), 0, 2);
        assertEquals(2, first.size());
        assertTrue(first.stream().allMatch(measure -> measure.number() == 1
                && measure.scope().equals("https://w3id.org/reform-kg/scope/nationwide")), first.toString());
        assertTrue(first.get(0).measure().compareTo(first.get(1).measure()) < 0, first.toString());
    }

    @Test
    void aScopeIndexedQueryMustPageAndNameAScopeQueryWithItsParameters() {
        String header = """
                # title.zh: 标题
                # title.en: Title
                # question.zh: 问题？
                # question.en: Question?
                # param: placeName (text, default 合肥) 地名 / place
                """;
        String columns = "# column: measure — 举措 / measure\n# column: number — 序号 / number\n"
                + "# column: title — 名称 / title\n# column: scope — 范围 / scope\n";
        String body = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?measure ?number ?title ?scope WHERE { ?measure rkg:promotionScope ?scope ; "
                + "rkg:sequenceNumber ?number ; rkg:title ?title . FILTER (STR(?placeName) != \"\") }\n";
        assertEquals("queries/demo.rq: a query answered from the scope index pages and has the columns measure, "
                + "number, title, scope", assertThrows(IllegalStateException.class, () -> QueryCatalog.parse("demo",
                header + columns + "# scope-index: scopes\n" + body)).getMessage());
        String paged = header + "# page: limit 10 max 100\n" + columns + "# scope-index: scopes\n" + body
                + "ORDER BY ?number ?measure\n";
        String scopes = header + "# column: scope — 范围 / scope\nPREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?scope WHERE { ?scope rkg:coversRegion ?region . FILTER (STR(?placeName) != \"\") }\n";
        assertEquals("queries/demo.rq: the scope index reads its scopes from query scopes, which does not exist",
                catalogFailure(dir.resolve("missing"), Map.of("demo.rq", paged)));
        assertEquals("queries/demo.rq: the scope index reads its scopes from query scopes, which must take the same "
                + "parameters, answer the one column scope and not page", catalogFailure(dir.resolve("unlike"),
                Map.of("demo.rq", paged, "scopes.rq", scopes.replace("placeName (text", "place (text")
                        .replace("?placeName", "?place"))));
        assertEquals(Optional.of("scopes"), QueryCatalog.load(write(dir.resolve("fine"),
                Map.of("demo.rq", paged, "scopes.rq", scopes))).get("demo").scopeQuery());
    }

    private static String catalogFailure(Path folder, Map<String, String> files) {
        return assertThrows(IllegalStateException.class, () -> QueryCatalog.load(write(folder, files))).getMessage();
    }

    private static Path write(Path folder, Map<String, String> files) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
