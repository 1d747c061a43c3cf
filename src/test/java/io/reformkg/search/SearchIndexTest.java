package io.reformkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese keyword search through {@code queries/keyword-search-text.rq}: the expected measures
 * are those whose title or content contains the word in the source text.
 */
class SearchIndexTest {
    private static GraphStore store;
    private static FusekiServer server;

    /** One hit: the measure number, its score and snippet. */
    record Hit(int number, double score, String snippet) {
    }

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(Path.of("data")).build();
        server = FusekiServer.create().port(0).loopback(true).add("/kg", store.dataset()).build().start();
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
        // the content snippet marks the phrase, not 数据库 in 大数据库
        assertTrue(hits.get(0).snippet().contains("利用<em>大数据</em>分析技术"), hits.get(0).snippet());
        assertTrue(hits.get(0).snippet().contains("政务信息大数据库"), hits.get(0).snippet());
    }

    @Test
    void guaranteeIsInMeasuresThreeAndFive() {
        List<Hit> hits = search("担保", store.dataset());
        assertEquals(Set.of(3, 5), Set.copyOf(numbers(hits)));
        assertEquals(3, hits.get(0).number(), "measure 3 says 担保 in its title and four times in its content");
        assertTrue(hits.get(0).score() > hits.get(1).score());
        assertTrue(hits.get(0).snippet().contains("<em>担保</em>"), hits.get(0).snippet());
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
        String endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/kg/query";
        List<Hit> hits = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.service(endpoint).query(query("担保").asQuery()).build()) {
            execution.execSelect().forEachRemaining(row -> hits.add(hit(row)));
        }
        assertEquals(search("担保", store.dataset()), hits);
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
        ParameterizedSparqlString query = query(keyword);
        return Txn.calculateRead(dataset, () -> {
            List<Hit> hits = new ArrayList<>();
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(query.asQuery()).build()) {
                execution.execSelect().forEachRemaining(row -> hits.add(hit(row)));
            }
            return hits;
        });
    }

    private static ParameterizedSparqlString query(String keyword) {
        ParameterizedSparqlString query = new ParameterizedSparqlString(read("queries/keyword-search-text.rq"));
        query.setLiteral("keyword", keyword);
        return query;
    }

    private static Hit hit(QuerySolution row) {
        return new Hit(row.getLiteral("number").getInt(), row.getLiteral("score").getDouble(),
                row.getLiteral("snippet").getString());
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
