package io.reformkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import io.reformkg.validation.Finding;
import io.reformkg.vocab.ELI;
import io.reformkg.vocab.PROV;
import io.reformkg.vocab.RKG;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built graph states exactly what the source list and the reference data say. */
class GraphFactsTest {
    private static final IriScheme IRIS = IriScheme.defaults();
    private static final int BATCH = 3;
    /** The guiding bodies of every measure, lead first, as the list writes them. */
    private static final Map<Integer, List<String>> GUIDING_BODIES = Map.ofEntries(
            Map.entry(1, List.of("银保监会", "人民银行", "科技部")),
            Map.entry(2, List.of("财政部", "科技部", "发展改革委")),
            Map.entry(3, List.of("财政部", "科技部", "人民银行", "银保监会")),
            Map.entry(4, List.of("人民银行", "银保监会", "财政部")),
            Map.entry(5, List.of("人民银行", "发展改革委", "银保监会")),
            Map.entry(6, List.of("银保监会", "人民银行", "科技部")),
            Map.entry(7, List.of("科技部", "银保监会")),
            Map.entry(8, List.of("发展改革委", "科技部")),
            Map.entry(9, List.of("科技部", "财政部")),
            Map.entry(10, List.of("发展改革委", "科技部", "知识产权局")),
            Map.entry(11, List.of("国资委", "财政部", "人民银行")),
            Map.entry(12, List.of("海关总署")),
            Map.entry(13, List.of("科技部", "发展改革委")),
            Map.entry(14, List.of("最高人民法院", "知识产权局")),
            Map.entry(15, List.of("司法部", "知识产权局")),
            Map.entry(16, List.of("教育部", "发展改革委", "工业和信息化部", "财政部", "人力资源社会保障部")));

    private static GraphStore store;
    private static Model graph;

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(Path.of("data")).build();
        graph = store.dataset().getUnionModel();
        store.dataset().begin(ReadWrite.READ);
    }

    @AfterAll
    static void close() {
        store.dataset().end();
        store.close();
    }

    private static Resource measure(int number) {
        return graph.createResource(IRIS.measure(BATCH, number));
    }

    private static int integer(Resource subject, Property property) {
        return subject.getRequiredProperty(property).getInt();
    }

    private static List<Resource> instances(Resource type) {
        return graph.listSubjectsWithProperty(RDF.type, type).toList();
    }

    @Test
    void fiveCategories() {
        List<Resource> categories = graph.listSubjectsWithProperty(SKOS.inScheme, RKG.CategoryScheme).toList();
        assertEquals(5, categories.size());
        assertEquals(List.of("人才培养和激励", "军民深度融合", "知识产权保护", "科技管理体制创新", "科技金融创新"),
                categories.stream().map(c -> c.getProperty(SKOS.prefLabel, "zh").getString()).sorted().toList());
    }

    @Test
    void twentyDeclaredSixteenPresent() {
        Resource list = graph.createResource(IRIS.list(BATCH));
        assertEquals(20, integer(list, RKG.declaredMeasureCount));
        assertEquals(16, integer(list, RKG.presentMeasureCount));
        assertEquals(16, instances(RKG.Measure).size());
        assertEquals(List.of(7, 6, 2, 1, 4), IntStream.rangeClosed(1, 5)
                .mapToObj(n -> integer(graph.createResource(IRIS.section(BATCH, n)), RKG.declaredMeasureCount)).toList());
        assertEquals(List.of(7, 6, 2, 1, 0), IntStream.rangeClosed(1, 5)
                .mapToObj(n -> integer(graph.createResource(IRIS.section(BATCH, n)), RKG.presentMeasureCount)).toList());
    }

    @Test
    void thirteenGuidingBodies() {
        List<Resource> bodies = instances(RKG.GuidingBody);
        assertEquals(13, bodies.size());
        assertEquals(GUIDING_BODIES.values().stream().flatMap(List::stream).distinct().sorted().toList(),
                bodies.stream().map(b -> b.getProperty(RKG.listName).getString()).sorted().toList());
        Resource nfra = graph.createResource(IRIS.body("NFRA"));
        assertTrue(nfra.hasProperty(RDF.type, ORG.FormalOrganization));
        assertFalse(nfra.hasProperty(RDF.type, RKG.GuidingBody));
    }

    @Test
    void measureTwelveParsedWhole() {
        Resource twelve = measure(12);
        assertEquals("生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制", twelve.getProperty(ELI.title).getString());
        assertEquals("zh", twelve.getProperty(ELI.title).getLanguage());
        assertEquals("创新特殊物品出入境检验检疫监管服务，针对生物医药检验检疫，扩大低风险特殊物品智能审批覆盖范围，"
                + "对试点企业进口同一种科研用样本实施“一次评估、分批进口”。推广中，需要对特殊物品应用制定针对性监管措施。",
                twelve.getProperty(ELI.description).getString());
        assertEquals(12, integer(twelve, RKG.sequenceNumber));
        assertEquals("12", twelve.getProperty(ELI.number).getString());
        assertEquals(79, integer(twelve, RKG.sourceLine));
        assertEquals(graph.createResource(IRIS.section(BATCH, 2)), twelve.getPropertyResourceValue(RKG.section));
        assertEquals(graph.createResource(IRIS.category("tech-management")), twelve.getPropertyResourceValue(RKG.category));
        assertEquals(graph.createResource(IRIS.scope("nationwide")), twelve.getPropertyResourceValue(RKG.promotionScope));
        assertEquals(List.of(graph.createResource(IRIS.body("GACC"))),
                twelve.listProperties(ELI.responsibility_of).mapWith(Statement::getResource).toList());
    }

    @Test
    void guidingBodyOrderOfEveryMeasure() {
        Map<Integer, List<String>> actual = new TreeMap<>();
        for (Resource measure : instances(RKG.Measure)) {
            List<String> bodies = measure.listProperties(RKG.guidance).mapWith(Statement::getResource).toList().stream()
                    .sorted(Comparator.comparingInt(guidance -> integer(guidance, RKG.position)))
                    .map(guidance -> guidance.getPropertyResourceValue(RKG.body).getProperty(RKG.listName).getString())
                    .toList();
            actual.put(integer(measure, RKG.sequenceNumber), bodies);
        }
        assertEquals(new TreeMap<>(GUIDING_BODIES), actual);
    }

    @Test
    void guidancePositionsCountFromOne() {
        for (Resource measure : instances(RKG.Measure)) {
            List<Integer> positions = measure.listProperties(RKG.guidance)
                    .mapWith(s -> integer(s.getResource(), RKG.position)).toList().stream().sorted().toList();
            assertEquals(IntStream.rangeClosed(1, positions.size()).boxed().toList(), positions, measure.getURI());
        }
    }

    @Test
    void scopeSplitElevenNationwideFivePilot() {
        Map<String, List<Integer>> byScope = new TreeMap<>();
        for (Resource measure : instances(RKG.Measure)) {
            byScope.computeIfAbsent(measure.getPropertyResourceValue(RKG.promotionScope).getURI(), k -> new ArrayList<>())
                    .add(integer(measure, RKG.sequenceNumber));
        }
        byScope.values().forEach(numbers -> numbers.sort(null));
        assertEquals(Map.of(IRIS.scope("nationwide"), List.of(1, 2, 5, 6, 8, 9, 10, 11, 12, 13, 16),
                IRIS.scope("pilot-regions"), List.of(3, 4, 7, 14, 15)), byScope);
    }

    @Test
    void sectionFiveGapIsAWarningNotAViolation() {
        Resource five = graph.createResource(IRIS.section(BATCH, 5));
        assertEquals("五、军民深度融合方面（共4项）", five.getProperty(RDFS.label).getString());
        assertEquals(4, integer(five, RKG.declaredMeasureCount));
        assertEquals(0, integer(five, RKG.presentMeasureCount));
        assertTrue(store.validation().conforms());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, IRIS.section(BATCH, 5), null,
                        "section \"五、军民深度融合方面（共4项）\" declares 4 measures but the text holds 0")),
                store.validation().findings());
    }

    @Test
    void cbircSucceededByNfra() {
        Resource cbirc = graph.createResource(IRIS.body("CBIRC"));
        Resource nfra = graph.createResource(IRIS.body("NFRA"));
        Resource event = cbirc.getPropertyResourceValue(ORG.changedBy);
        assertEquals(IRIS.changeEvent("CBIRC"), event.getURI());
        assertTrue(event.hasProperty(RDF.type, ORG.ChangeEvent));
        assertEquals(cbirc, event.getPropertyResourceValue(ORG.originalOrganization));
        assertEquals(nfra, event.getPropertyResourceValue(ORG.resultingOrganization));
        assertEquals(event, nfra.getPropertyResourceValue(ORG.resultedFrom));
        assertEquals("2023-05-18", event.getProperty(PROV.atTime).getLiteral().getLexicalForm());
        assertEquals("2023-05-18", cbirc.getProperty(PROV.invalidatedAtTime).getLiteral().getLexicalForm());
        assertEquals("国家金融监督管理总局", nfra.getProperty(RDFS.label, "zh").getString());
        assertEquals("金融监管总局", nfra.getProperty(RKG.listName).getString());
        assertEquals(List.of(1, 3, 4, 5, 6, 7), graph.listSubjectsWithProperty(ELI.responsibility_of, cbirc).toList()
                .stream().map(m -> integer(m, RKG.sequenceNumber)).sorted().toList());
    }

    @Test
    void measuresKeepTheirSourceLine() {
        List<Integer> lines = IntStream.rangeClosed(1, 16).mapToObj(n -> integer(measure(n), RKG.sourceLine)).toList();
        assertEquals(List.of(11, 17, 23, 29, 35, 41, 47, 55, 61, 67, 73, 79, 86, 94, 100, 108), lines);
        RDFNode source = measure(1).getPropertyResourceValue(PROV.wasDerivedFrom);
        assertEquals(IRIS.source(BATCH), source.asResource().getURI());
        assertEquals("batch-3-innovation-reform-measures.txt", source.asResource().getProperty(RKG.fileName).getString());
    }

    @Test
    void theListSaysWhoIssuedItWhenAndWithWhichNotice() {
        String query = """
                PREFIX rkg: <https://w3id.org/reform-kg/def/>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?list ?issued ?issuer ?notice ?note
                WHERE {
                  ?list a rkg:ReformList ; dcterms:issued ?issued ; skos:editorialNote ?note ;
                        rkg:issuerName ?issuer ; rkg:noticeTitle ?notice .
                  FILTER (LANGMATCHES(LANG(?issuer), LANG(?notice)))
                }
                ORDER BY ?issuer""";
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.model(graph).query(query).build()) {
            execution.execSelect().forEachRemaining(row -> {
                rows.add(String.join(" | ", row.getResource("list").getURI(), row.getLiteral("issued").getLexicalForm(),
                        row.getLiteral("issued").getDatatypeURI(), row.getLiteral("issuer").getLanguage(),
                        row.getLiteral("issuer").getString(), row.getLiteral("notice").getString()));
                notes.add(row.getLiteral("note").getString());
            });
        }
        String list = IRIS.list(BATCH);
        String gYear = "http://www.w3.org/2001/XMLSchema#gYear";
        assertEquals(List.of(
                list + " | 2020 | " + gYear + " | en | General Office of the State Council | Notice on promoting the "
                        + "third batch of innovation-supporting reform measures (unofficial translation)",
                list + " | 2020 | " + gYear + " | zh | 国务院办公厅 | 关于推广第三批支持创新相关改革举措的通知"), rows);
        String note = notes.get(0);
        assertTrue(note.startsWith("The year from the project's reference notes"), note);
        assertTrue(note.contains("could not be verified offline"), note);
    }
}
