package io.reformkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.query.indexed.IndexPlan;
import io.reformkg.search.KeywordRanking;
import io.reformkg.search.MeasureIndex;
import io.reformkg.store.GraphStore;
import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query a store answers from its indexes — its {@link MeasureIndex} ({@code # measure-index:})
 * or the ranking of its text index ({@code # text-index:}) — gives the rows its SPARQL gives, page
 * for page and in both languages: on a generated corpus of 1,500 measures in four lists (numbers
 * repeat across lists, so the measure IRI breaks ties), on the real list with city- and
 * county-level scopes, and from a TDB2 store reopened from disk.
 */
class IndexedQueriesTest {
    private static final String QUERY = "measures-in-place";
    private static final String KEYWORD = "keyword-search-text";
    private static final List<String> PLACES = List.of("合肥", "黄山", "武汉", "深圳", "北京市东城区", "上海", "芜湖",
            "东莞", "天津", "乌鲁木齐", "火星");
    /** offset, limit */
    private static final List<long[]> WINDOWS = List.of(new long[] {0, 100}, new long[] {0, 1}, new long[] {99, 3},
            new long[] {100, 100}, new long[] {395, 10}, new long[] {1450, 100}, new long[] {0, 1000},
            new long[] {5000, 10});
    /** The other queries with an index plan, each with the arguments to try. */
    private static final Map<String, List<Map<String, String>>> INDEXED = Map.of(
            "cq1-co-guidance-pairs", List.of(Map.of(), Map.of("category", "知识产权保护"), Map.of("category", "talent")),
            "cq2-measures-per-body", List.of(Map.of()),
            "cq3-pilot-only-measures", List.of(Map.of()),
            "cq5-single-body-measures", List.of(Map.of()),
            "cq6-categories-per-body", List.of(Map.of()),
            "cq7-reorganised-body-measures", List.of(Map.of()),
            "cq8-measures-in-place", List.of(Map.of(), Map.of("place", "合肥"), Map.of("place", "3410"),
                    Map.of("place", "wuhan"), Map.of("place", "全国"), Map.of("place", "北京市东城区")),
            // ranked by the text index: common words with many equal scores, a word in titles and
            // contents (two scores added), two words, one only in the lists' titles, quotes, none
            "keyword-search-text", List.of(Map.of(), Map.of("keyword", "担保"), Map.of("keyword", "科技"),
                    Map.of("keyword", "风险 分担"), Map.of("keyword", "合成数据"), Map.of("keyword", "\"知识产权\\"),
                    Map.of("keyword", "月球")));

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
    void everyIndexedCompetencyQuestionOfAGeneratedCorpusIsTheSparqlsAnswer() {
        QueryRunner indexed = QueryRunner.over(generated, CATALOG);
        QueryRunner sparql = QueryRunner.over(generated.dataset(), CATALOG);
        assertEquals(CATALOG.queries().stream().filter(query -> query.indexPlan().isPresent())
                .map(NamedQuery::name).filter(name -> !name.equals(QUERY)).sorted().toList(),
                INDEXED.keySet().stream().sorted().toList(), "every query with an index plan is compared here");
        INDEXED.forEach((name, argumentSets) -> {
            boolean paged = CATALOG.get(name).paging().isPresent();
            for (Map<String, String> arguments : argumentSets) {
                for (long[] window : paged ? WINDOWS : List.of(new long[0])) {
                    Map<String, String> withWindow = new HashMap<>(arguments);
                    if (paged) {
                        withWindow.put("offset", String.valueOf(window[0]));
                        withWindow.put("limit", String.valueOf(window[1]));
                    }
                    for (Language language : Language.values()) {
                        QueryResult expected = sparql.run(name, withWindow, language);
                        assertEquals(expected, indexed.run(name, withWindow, language), name + " " + withWindow
                                + " " + language);
                    }
                }
            }
        });
    }

    @Test
    void aPageMayStartInsideTheRowsOfAMeasureOfTwoReorganisedBodies(@TempDir Path folder) throws IOException {
        // 人民银行 reorganised too: a measure guided by it and by 银保监会 gives two rows of cq7
        Path data = DataFolders.copyOfData(folder.resolve("data"));
        Path bodies = data.resolve("reference/bodies.json");
        Files.writeString(bodies, DataFolders.replaceOnce(Files.readString(bodies),
                "\"englishName\": \"People's Bank of China\", \"kind\": \"component-department\",",
                "\"englishName\": \"People's Bank of China\", \"kind\": \"component-department\", "
                        + "\"dissolved\": \"2024-01-01\", \"successor\": \"MOF\","));
        Path corpus = folder.resolve("corpus");
        CorpusGenerator.create().measures(400).seed(5).measuresPerList(200).referenceFrom(data).build().writeTo(corpus);
        try (GraphStore store = GraphStore.create().data(corpus).quietly().build()) {
            QueryRunner indexed = QueryRunner.over(store, CATALOG);
            QueryRunner sparql = QueryRunner.over(store.dataset(), CATALOG);
            String query = "cq7-reorganised-body-measures";
            List<Map<String, Object>> rows = sparql.run(query, Map.of("limit", "1000"), Language.ZH).rows();
            int twice = 0;
            for (int offset = 0; offset < Math.min(rows.size(), 120); offset++) {
                if (offset > 0 && rows.get(offset).get("number").equals(rows.get(offset - 1).get("number"))
                        && rows.get(offset).get("title").equals(rows.get(offset - 1).get("title"))) {
                    twice++;
                }
                Map<String, String> window = Map.of("offset", String.valueOf(offset), "limit", "3");
                assertEquals(sparql.run(query, window, Language.ZH), indexed.run(query, window, Language.ZH),
                        window.toString());
            }
            assertTrue(twice > 3, "second rows of a measure: " + twice);
        }
    }

    @Test
    void theAnswersCountedOverTheIndexAreNotEmpty() {
        QueryRunner indexed = QueryRunner.over(generated, CATALOG);
        // 1,500 measures with 1 to 6 bodies each: every count covers them all
        long guidance = indexed.run("cq2-measures-per-body", Map.of(), Language.ZH).column("measures").stream()
                .mapToLong(count -> (Long) count).sum();
        assertTrue(guidance >= 1_500 && guidance <= 9_000, "guidance counted: " + guidance);
        assertTrue(indexed.run("cq6-categories-per-body", Map.of(), Language.EN).count() > 10);
        assertTrue(indexed.run("cq1-co-guidance-pairs", Map.of(), Language.ZH).count() > 10);
        QueryResult reorganised = indexed.run("cq7-reorganised-body-measures", Map.of("limit", "1000"), Language.ZH);
        assertTrue(reorganised.count() > 100, "measures of reorganised bodies: " + reorganised.count());
        assertTrue(indexed.run("cq5-single-body-measures", Map.of(), Language.ZH).count() == 100);
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
        INDEXED.forEach((name, argumentSets) -> argumentSets.forEach(arguments -> {
            for (Language language : Language.values()) {
                assertEquals(sparql.run(name, arguments, language), indexed.run(name, arguments, language),
                        name + " " + arguments + " " + language);
            }
        }));
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
            Map<String, String> guarantee = Map.of("keyword", "担保");
            assertEquals(QueryRunner.over(reopened.dataset(), CATALOG).run(KEYWORD, guarantee, Language.ZH),
                    indexed.run(KEYWORD, guarantee, Language.ZH));
            assertEquals(List.of(3L, 5L), indexed.run(KEYWORD, guarantee, Language.ZH).column("number"));
        }
    }

    @Test
    void theTextIndexRanksTheMeasuresOfTheRealList() {
        QueryRunner indexed = QueryRunner.over(namingDivisions, CATALOG);
        // 担保 stands in measure 3's title and content, and in measure 5's title only
        QueryResult guarantee = indexed.run(KEYWORD, Map.of("keyword", "担保"), Language.ZH);
        assertEquals(List.of(3L, 5L), guarantee.column("number"));
        assertTrue((Double) guarantee.rows().get(0).get("score") > (Double) guarantee.rows().get(1).get("score"),
                guarantee.rows().toString());
        assertEquals("建立基于大数据分析的“银行+征信+<em>担保</em>”的中小企业信用贷款新模式",
                guarantee.rows().get(1).get("snippet"));
        QueryResult second = indexed.run(KEYWORD, Map.of("keyword", "担保", "offset", "1", "limit", "1"), Language.ZH);
        assertEquals(List.of(5L), second.column("number"));
        assertEquals(Optional.of(new Page(1, 1, false)), second.page());
        // the list's own title holds 推广清单; a list is no measure
        assertEquals(List.of(), indexed.run(KEYWORD, Map.of("keyword", "推广清单"), Language.ZH).rows());
        List<KeywordRanking.RankedMeasure> alone = namingDivisions.keywordRanking().page("担保", 0, 10);
        assertEquals(List.of("https://w3id.org/reform-kg/list/3/measure/3", "https://w3id.org/reform-kg/list/3/measure/5"),
                alone.stream().map(KeywordRanking.RankedMeasure::measure).toList());
        assertEquals(List.of(), namingDivisions.keywordRanking().page("担保", 2, 10));
        assertEquals(List.of(), namingDivisions.keywordRanking().page("  ", 0, 10));
    }

    @Test
    void theIndexAloneGivesNothingForNoValueOrPastTheEnd() {
        MeasureIndex index = generated.measureIndex();
        String nationwide = "https://w3id.org/reform-kg/scope/nationwide";
        assertEquals(List.of(), index.measures(new MeasureIndex.Filter(MeasureIndex.Field.SCOPE, Set.of()), 0, 10));
        assertEquals(List.of(), index.measures(new MeasureIndex.Filter(MeasureIndex.Field.SCOPE,
                Set.of("https://w3id.org/reform-kg/scope/none")), 0, 10));
        MeasureIndex.Filter everywhere = new MeasureIndex.Filter(MeasureIndex.Field.SCOPE, Set.of(nationwide));
        assertEquals(List.of(), index.measures(everywhere, 1_500, 10));
        List<String> first = index.measures(everywhere, 0, 2);
        assertEquals(2, first.size());
        assertTrue(first.get(0).compareTo(first.get(1)) < 0, first.toString());
        List<MeasureIndex.IndexedMeasure> scanned = new ArrayList<>();
        index.scan(Optional.of(everywhere), measure -> scanned.add(measure) && scanned.size() < 2);
        assertEquals(2, scanned.size());
        assertTrue(scanned.stream().allMatch(measure -> measure.number() == 1 && measure.scope().equals(nationwide)
                && !measure.guidance().isEmpty() && measure.guidance().get(0).position() == 1), scanned.toString());
        long[] all = new long[1];
        index.scan(Optional.empty(), measure -> ++all[0] > 0);
        assertEquals(1_500, all[0]);
    }

    @Test
    void anIndexPlanMustFitItsQuery() {
        String header = """
                # title.zh: 标题
                # title.en: Title
                # question.zh: 问题？
                # question.en: Question?
                # param: placeName (text, default 合肥) 地名 / place
                """;
        String columns = "# column: measure — 举措 / measure\n# column: number — 序号 / number\n";
        String body = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?measure ?number WHERE { VALUES ?placeName { \"合肥\" } ?measure rkg:promotionScope ?scope ; "
                + "rkg:sequenceNumber ?number . FILTER (STR(?placeName) != \"\") }\n";
        assertEquals("queries/demo.rq: a query paged by the measure index pages, has no computed step, and its "
                + "SPARQL binds ?measure, the measures of each page", assertThrows(IllegalStateException.class,
                () -> QueryCatalog.parse("demo", header + columns + "# measure-index: scope from scopes\n" + body))
                .getMessage());
        assertEquals("queries/demo.rq: the measure index has no field colour; its fields are scope, category, body, "
                + "guidingBodies", assertThrows(IllegalStateException.class, () -> QueryCatalog.parse("demo",
                header + columns + "# measure-index: colour = red\n" + body)).getMessage());
        assertEquals("queries/demo.rq: expected \"measure-index: FIELD from QUERY\", \"measure-index: FIELD = VALUE\" "
                + "or one of the counts measures-per-body, categories-per-body, co-guidance-pairs; found \"tally\"",
                assertThrows(IllegalStateException.class, () -> QueryCatalog.parse("demo",
                        header + columns + "# measure-index: tally\n" + body)).getMessage());
        assertEquals("queries/demo.rq: the measure index's count measures-per-body answers whole, without a computed "
                + "step, with the columns body, measures, numbers and no parameters",
                assertThrows(IllegalStateException.class, () -> QueryCatalog.parse("demo",
                        header + columns + "# measure-index: measures-per-body\n" + body)).getMessage());
        String paged = header + "# page: limit 10 max 100\n" + columns + "# measure-index: scope from scopes\n" + body
                + "ORDER BY ?number ?measure\n";
        String scopes = header + "# column: scope — 范围 / scope\nPREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?scope WHERE { VALUES ?placeName { \"合肥\" } ?scope rkg:coversRegion ?region . "
                + "FILTER (STR(?placeName) != \"\") }\n";
        assertEquals("queries/demo.rq: the measure index reads the values of scope from query scopes, which does not "
                + "exist", catalogFailure(dir.resolve("missing"), Map.of("demo.rq", paged)));
        assertEquals("queries/demo.rq: the measure index reads the values of scope from query scopes, which must take "
                + "the same parameters, answer a column scope and not page", catalogFailure(dir.resolve("unlike"),
                Map.of("demo.rq", paged, "scopes.rq", scopes.replace("placeName (text", "place (text")
                        .replace("?placeName", "?place"))));
        assertEquals(Optional.of(new IndexPlan.Page(MeasureIndex.Field.SCOPE, Optional.of("scopes"),
                Optional.empty())), QueryCatalog.load(write(dir.resolve("fine"),
                Map.of("demo.rq", paged, "scopes.rq", scopes))).get("demo").indexPlan());
    }

    @Test
    void aTextIndexPlanMustFitItsQuery() {
        assertEquals(Optional.of(new IndexPlan.Ranking("keyword")), CATALOG.get(KEYWORD).indexPlan());
        String ranked = CATALOG.get(KEYWORD).sparql();
        assertEquals("queries/demo.rq: expected \"text-index: ranked by PARAMETER\"; found \"ranked keyword\"",
                assertThrows(IllegalStateException.class, () -> QueryCatalog.parse("demo",
                        ranked.replace("# text-index: ranked by keyword", "# text-index: ranked keyword")))
                        .getMessage());
        String expected = "queries/demo.rq: a query ranked by the text index pages, takes the keyword as the text "
                + "parameter %s and selects the columns measure, number, title, score (a computed step may add one)";
        assertEquals(String.format(expected, "word"), assertThrows(IllegalStateException.class, () ->
                QueryCatalog.parse("demo", ranked.replace("ranked by keyword", "ranked by word"))).getMessage());
        assertEquals(String.format(expected, "keyword"), assertThrows(IllegalStateException.class, () ->
                QueryCatalog.parse("demo", ranked.replace("# page: limit 100 max 1000\n", "")
                        .replace("ORDER BY DESC(?score) ?number ?measure", ""))).getMessage());
        assertEquals("queries/demo.rq: a query is answered from one index; give \"measure-index\" or \"text-index\", "
                + "not both", assertThrows(IllegalStateException.class, () -> QueryCatalog.parse("demo",
                ranked.replace("# text-index: ranked by keyword", "# text-index: ranked by keyword\n"
                        + "# measure-index: guidingBodies = 1"))).getMessage());
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
