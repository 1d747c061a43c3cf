package io.reformkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.query.Language;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.QueryResult;
import io.reformkg.query.QueryRunner;
import io.reformkg.server.ReformServer;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chinese keyword search through {@code queries/keyword-search-text.rq}, as the query runner
 * answers it (ranked by the SPARQL, snippets marked for the page): the expected measures are
 * those whose title or content contains the word in the source text.
 */
class SearchIndexTest {
    private static GraphStore store;
    private static ReformServer server;

    /** One hit: the measure number, its score and snippet. */
    record Hit(int number, double score, String snippet) {
    }

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(Path.of("data")).build();
        server = ReformServer.create().store(store).port(0).linkedData(false).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void bigDataIsOnlyInMeasureFive() {
        // measure 10 has 数据 (产业数据, 专利数据) but never 大数据: the keyword is a phrase, not its words
        List<Hit> hits = search("大数据", store.dataset());
        assertEquals(List.of(5), numbers(hits));
        // the content snippet marks the phrase wherever the text holds it, in 大数据库 too, never 数据 alone
        assertTrue(hits.get(0).snippet().contains("利用<em>大数据</em>分析技术"), hits.get(0).snippet());
        assertTrue(hits.get(0).snippet().contains("政务信息<em>大数据</em>库"), hits.get(0).snippet());
        assertTrue(hits.get(0).snippet().contains("风险分析数据库"), hits.get(0).snippet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"担保", "大数据", "数据", "知识产权", "科技", "创新", "贷", "库", "税", "投资基金", "区块链"})
    void theIndexFindsTheMeasuresWhoseTextContainsTheKeywordAsTheLiteralQueryDoes(String keyword) {
        QueryResult literal = QueryRunner.over(store.dataset(), QueryCatalog.load())
                .run("keyword-search", Map.of("keyword", keyword, "limit", "1000"), Language.ZH);
        Set<Integer> containing = literal.rows().stream().map(row -> ((Long) row.get("number")).intValue())
                .collect(Collectors.toSet());
        assertEquals(containing, Set.copyOf(numbers(search(keyword, store.dataset()))), keyword);
    }

    @Test
    void aOneCharacterKeywordFindsTheCharacterInsideWords() {
        // 贷 stands alone nowhere in the source: it is part of 贷款, 信贷, 贷审 ...
        assertEquals(Set.of(1, 3, 4, 5, 6, 7), Set.copyOf(numbers(search("贷", store.dataset()))));
        assertEquals("发放信<em>贷</em>。", Snippets.of("贷").content("发放信贷。"));
    }

    @Test
    void guaranteeIsInMeasuresThreeAndFive() {
        List<Hit> hits = search("担保", store.dataset());
        assertEquals(Set.of(3, 5), Set.copyOf(numbers(hits)));
        assertEquals(3, hits.get(0).number(), "measure 3 says 担保 in its title and four times in its content");
        assertTrue(hits.get(0).score() > hits.get(1).score());
        assertTrue(hits.get(0).snippet().contains("<em>担保</em>"), hits.get(0).snippet());
        // two matches in one clause are marked each, not with the text between them
        assertTrue(hits.get(0).snippet().contains("<em>担保</em>公司集中提供<em>担保</em>，"), hits.get(0).snippet());
    }

    @Test
    void intellectualPropertyIsInMeasuresFourteenAndFifteen() {
        // 知识产权局 only names a guiding body (of measure 10 too); guiding bodies are not indexed text
        List<Hit> hits = search("知识产权", store.dataset());
        assertEquals(Set.of(14, 15), Set.copyOf(numbers(hits)));
        assertEquals(15, hits.get(0).number(), "measure 15 says 知识产权 six times, 14 three times");
    }

    @Test
    void vocationalEducationIsOnlyInMeasureSixteen() {
        List<Hit> hits = search("职业教育", store.dataset());
        assertEquals(List.of(16), numbers(hits));
        assertTrue(hits.get(0).snippet().contains("</em>"), hits.get(0).snippet());
    }

    @Test
    void aWordThatAppearsNowhereFindsNothing() {
        assertEquals(List.of(), search("区块链", store.dataset()));
        assertEquals(List.of(), search("量子计算", store.dataset()));
    }

    @Test
    void quotesInTheKeywordCannotBreakTheQuery() {
        assertEquals(Set.of(3, 5), Set.copyOf(numbers(search("\"担保\\", store.dataset()))));
    }

    @Test
    void textQueryWorksAtTheSparqlEndpoint() {
        // the served default graph is the union of the named graphs, as the query expects
        String endpoint = server.urls().get("SPARQL endpoint");
        // sent as written: its keyword is the default in the query, 大数据
        List<Hit> ranked = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.service(endpoint).query(read("queries/keyword-search-text.rq"))
                .build()) {
            execution.execSelect().forEachRemaining(row -> ranked.add(new Hit(row.getLiteral("number").getInt(),
                    row.getLiteral("score").getDouble(), "")));
        }
        assertEquals(search("大数据", store.dataset()).stream().map(hit -> new Hit(hit.number(), hit.score(), "")).toList(),
                ranked);
        assertFalse(ranked.isEmpty());
    }

    @Test
    void onlyTheRowsOfThePageAreMarkedAndTheyAreMarkedAsOnTheWholeAnswer() {
        List<Hit> all = search("担保", store.dataset());
        QueryResult second = QueryRunner.over(store.dataset(), QueryCatalog.load())
                .run("keyword-search-text", Map.of("keyword", "担保", "limit", "1", "offset", "1"), Language.ZH);
        assertEquals(List.of(all.get(1)), second.rows().stream().map(SearchIndexTest::hit).toList());
    }

    @Test
    void snippetsMarkThePhraseOrAreEmpty() {
        Snippets snippets = Snippets.of("担保");
        assertEquals("", snippets.content("这里没有这个词。"));
        assertEquals("推进科技<em>担保</em>", snippets.title("推进科技担保"));
        assertEquals("", Snippets.of("  ").content("任何内容"), "a phrase of no words marks nothing");
    }

    @Test
    void everyWordOfAKeywordIsMarkedAndTheTitleShowsAWordTheContentLacks() {
        Snippets words = Snippets.of(" 银行\u3000担保 ");
        assertEquals("<em>银行</em>贷款，<em>担保</em>公司", words.content("银行贷款，担保公司"));
        assertEquals("<em>银行</em>+征信+<em>担保</em>\u2223为<em>银行</em>提供",
                words.whyMatched("银行+征信+担保", "为银行提供"));
        assertEquals("为<em>银行</em>和<em>担保</em>", words.whyMatched("银行", "为银行和担保"));
        assertEquals("<em>担保担保</em>", Snippets.of("担保").whyMatched("担保", "担保担保"), "the title adds no word");
    }

    @Test
    void anIndexOnDiskIsRebuiltAndAForeignFolderIsRefused(@TempDir Path dir) throws IOException {
        Dataset plain = DatasetFactory.createTxnMem();
        Txn.executeRead(store.dataset(), () -> store.dataset().listModelNames()
                .forEachRemaining(name -> plain.addNamedModel(name, store.dataset().getNamedModel(name))));
        Path index = dir.resolve("text-index");
        Dataset first = SearchIndex.create().directory(index).build(plain);
        assertEquals(List.of(16), numbers(search("职业教育", first)));
        first.close();
        assertTrue(listing(index).stream().anyMatch(name -> name.startsWith("segments")), listing(index).toString());
        Dataset second = SearchIndex.create().directory(index).build(plain);
        assertEquals(Set.of(14, 15), Set.copyOf(numbers(search("知识产权", second))), "rebuilt, not appended twice");
        assertEquals(2, search("知识产权", second).size());
        second.close();

        Path foreign = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(foreign.resolve("todo.txt"), "keep me");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SearchIndex.create().directory(foreign).build(plain));
        assertTrue(refused.getMessage().contains("not a Lucene index"), refused.getMessage());
        assertTrue(Files.exists(foreign.resolve("todo.txt")));
    }

    // ------------------------------------------------------------------ helpers

    private static List<Hit> search(String keyword, Dataset dataset) {
        QueryResult result = QueryRunner.over(dataset, QueryCatalog.load())
                .run("keyword-search-text", Map.of("keyword", keyword, "limit", "1000"), Language.ZH);
        return result.rows().stream().map(SearchIndexTest::hit).toList();
    }

    private static Hit hit(Map<String, Object> row) {
        return new Hit(((Long) row.get("number")).intValue(), (Double) row.get("score"), (String) row.get("snippet"));
    }

    private static List<Integer> numbers(List<Hit> hits) {
        return hits.stream().map(Hit::number).toList();
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String read(String resource) {
        try (InputStream in = SearchIndexTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
