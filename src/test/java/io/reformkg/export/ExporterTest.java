package io.reformkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.cli.Main;
import io.reformkg.store.GraphStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every export is read back with a real parser and checked against the facts of the list. */
class ExporterTest {
    /** Co-guiding pairs over the whole list (ids in alphabetical order) and the measures they share. */
    private static final Map<String, Integer> CO_GUIDANCE = Map.ofEntries(
            Map.entry("CBIRC-PBOC", 5), Map.entry("CBIRC-MOST", 4), Map.entry("MOST-NDRC", 4),
            Map.entry("MOST-PBOC", 3), Map.entry("MOF-MOST", 3), Map.entry("MOF-PBOC", 3),
            Map.entry("MOF-NDRC", 2), Map.entry("CBIRC-MOF", 2), Map.entry("NDRC-PBOC", 1),
            Map.entry("CBIRC-NDRC", 1), Map.entry("CNIPA-NDRC", 1), Map.entry("CNIPA-MOST", 1),
            Map.entry("PBOC-SASAC", 1), Map.entry("MOF-SASAC", 1), Map.entry("CNIPA-SPC", 1),
            Map.entry("CNIPA-MOJ", 1), Map.entry("MOHRSS-NDRC", 1), Map.entry("MIIT-MOHRSS", 1),
            Map.entry("MOE-MOHRSS", 1), Map.entry("MOF-MOHRSS", 1), Map.entry("MIIT-NDRC", 1),
            Map.entry("MOE-NDRC", 1), Map.entry("MIIT-MOE", 1), Map.entry("MIIT-MOF", 1), Map.entry("MOE-MOF", 1));
    /** CQ2: measures per body. */
    private static final Map<String, Integer> MEASURES_PER_BODY = Map.ofEntries(
            Map.entry("MOST", 9), Map.entry("CBIRC", 6), Map.entry("PBOC", 6), Map.entry("MOF", 6),
            Map.entry("NDRC", 6), Map.entry("CNIPA", 3), Map.entry("SASAC", 1), Map.entry("GACC", 1),
            Map.entry("SPC", 1), Map.entry("MOJ", 1), Map.entry("MOE", 1), Map.entry("MIIT", 1),
            Map.entry("MOHRSS", 1));

    @TempDir
    static Path out;
    private static GraphStore store;
    private static List<Path> written;

    @BeforeAll
    static void export() {
        store = GraphStore.create().data(Path.of("data")).build();
        written = Exporter.create().out(out).build().write(store);
    }

    @Test
    void allWritesEveryFormat() {
        assertEquals(List.of("reform-kg.trig", "reform-kg.nq", "reform-kg.jsonld", "reform-kg.ttl", "reform-kg.nt",
                "reform-kg.rdf", "measures.csv", "measure-bodies.csv", "bodies.csv", "co-guidance.csv",
                "co-guidance.graphml", "co-guidance.gexf", "reform-kg.json"),
                written.stream().map(file -> file.getFileName().toString()).toList());
    }

    @Test
    void rdfDumpsParseBackWithEveryStatement() {
        Dataset dataset = store.dataset();
        long quads = Txn.calculateRead(dataset, () -> count(dataset.asDatasetGraph()));
        long triples = Txn.calculateRead(dataset, () -> dataset.getUnionModel().size());
        for (RdfFormat format : RdfFormat.values()) {
            DatasetGraph parsed = DatasetGraphFactory.create();
            RDFParser.source(out.resolve("reform-kg." + format.extension())).lang(format.lang()).parse(parsed);
            assertEquals(format.isDataset() ? quads : triples, count(parsed), format.toString());
        }
    }

    @Test
    void measuresCsvHasOneRowPerMeasureWithCategoryScopeAndBodies() throws IOException {
        List<CSVRecord> rows = csv("measures.csv");
        assertEquals(16, rows.size());
        CSVRecord twelve = rows.get(11);
        assertEquals("12", twelve.get("number"));
        assertEquals("生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制", twelve.get("title"));
        assertEquals("tech-management", twelve.get("category_id"));
        assertEquals("nationwide", twelve.get("scope_id"));
        assertEquals("GACC", twelve.get("body_ids"));
        assertEquals("海关总署", twelve.get("bodies"));
        CSVRecord three = rows.get(2);
        assertEquals("MOF;MOST;PBOC;CBIRC", three.get("body_ids"));
        assertEquals("财政部、科技部、人民银行、银保监会", three.get("bodies"));
        assertEquals("MOF", three.get("lead_body_id"));
        Set<String> pilotOnly = new TreeSet<>();
        Map<String, Integer> perCategory = new TreeMap<>();
        for (CSVRecord row : rows) {
            if (row.get("scope_id").equals("pilot-regions")) {
                pilotOnly.add(row.get("number"));
            }
            perCategory.merge(row.get("category"), 1, Integer::sum);
        }
        assertEquals(new TreeSet<>(List.of("3", "4", "7", "14", "15")), pilotOnly);
        assertEquals(Map.of("科技金融创新", 7, "科技管理体制创新", 6, "知识产权保护", 2, "人才培养和激励", 1), perCategory);
    }

    @Test
    void measureBodiesCsvHasOneRowPerLinkWithItsOrder() throws IOException {
        List<CSVRecord> rows = csv("measure-bodies.csv");
        assertEquals(43, rows.size());
        Map<String, Integer> perBody = new HashMap<>();
        List<String> measureThree = new ArrayList<>();
        for (CSVRecord row : rows) {
            perBody.merge(row.get("body_id"), 1, Integer::sum);
            if (row.get("number").equals("3")) {
                measureThree.add(row.get("position") + ":" + row.get("body_id") + ":" + row.get("lead"));
            }
        }
        assertEquals(MEASURES_PER_BODY, perBody);
        assertEquals(List.of("1:MOF:true", "2:MOST:false", "3:PBOC:false", "4:CBIRC:false"), measureThree);
        assertEquals(13, csv("bodies.csv").size());
        Map<String, Integer> pairs = new HashMap<>();
        for (CSVRecord row : csv("co-guidance.csv")) {
            pairs.put(row.get("body_a") + "-" + row.get("body_b"), Integer.parseInt(row.get("weight")));
        }
        assertEquals(CO_GUIDANCE, pairs);
    }

    @Test
    void graphmlHoldsTheThirteenBodiesAndEveryCoGuidingPair() throws Exception {
        Document graphml = xml(out.resolve("co-guidance.graphml"));
        assertEquals("graphml", graphml.getDocumentElement().getLocalName());
        assertEquals(NetworkWriter.GRAPHML_NS, graphml.getDocumentElement().getNamespaceURI());
        NodeList nodes = graphml.getElementsByTagNameNS(NetworkWriter.GRAPHML_NS, "node");
        assertEquals(13, nodes.getLength());
        Map<String, String> weightKey = new HashMap<>();
        NodeList keys = graphml.getElementsByTagNameNS(NetworkWriter.GRAPHML_NS, "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            weightKey.put(key.getAttribute("attr.name"), key.getAttribute("id"));
        }
        NodeList edges = graphml.getElementsByTagNameNS(NetworkWriter.GRAPHML_NS, "edge");
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            NodeList data = edge.getElementsByTagNameNS(NetworkWriter.GRAPHML_NS, "data");
            for (int j = 0; j < data.getLength(); j++) {
                Element datum = (Element) data.item(j);
                if (datum.getAttribute("key").equals(weightKey.get("weight"))) {
                    pairs.put(edge.getAttribute("source") + "-" + edge.getAttribute("target"),
                            Integer.parseInt(datum.getTextContent()));
                }
            }
        }
        assertEquals(25, edges.getLength());
        assertEquals(CO_GUIDANCE, pairs);
    }

    @Test
    void gexfHoldsTheSameNetwork() throws Exception {
        Document gexf = xml(out.resolve("co-guidance.gexf"));
        assertEquals(NetworkWriter.GEXF_NS, gexf.getDocumentElement().getNamespaceURI());
        NodeList nodes = gexf.getElementsByTagNameNS(NetworkWriter.GEXF_NS, "node");
        assertEquals(13, nodes.getLength());
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            labels.put(node.getAttribute("id"), node.getAttribute("label"));
        }
        assertEquals("科技部", labels.get("MOST"));
        assertEquals("海关总署", labels.get("GACC"));
        NodeList edges = gexf.getElementsByTagNameNS(NetworkWriter.GEXF_NS, "edge");
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            pairs.put(edge.getAttribute("source") + "-" + edge.getAttribute("target"),
                    Integer.parseInt(edge.getAttribute("weight")));
        }
        assertEquals(25, edges.getLength());
        assertEquals(CO_GUIDANCE, pairs);
    }

    @Test
    void jsonDocumentHoldsMeasuresBodiesAndTheNetwork() throws IOException {
        JsonNode json = new ObjectMapper().readTree(out.resolve("reform-kg.json").toFile());
        assertEquals(store.iris().dataset(), json.get("dataset").asText());
        assertEquals(16, json.get("measures").size());
        JsonNode twelve = json.get("measures").get(11);
        assertEquals(12, twelve.get("number").asInt());
        assertEquals("tech-management", twelve.get("category").get("id").asText());
        assertEquals("科技管理体制创新", twelve.get("category").get("zh").asText());
        assertEquals(1, twelve.get("bodies").size());
        assertEquals("GACC", twelve.get("bodies").get(0).get("body").asText());
        assertEquals(1, twelve.get("bodies").get(0).get("position").asInt());
        Map<String, Integer> perBody = new HashMap<>();
        for (JsonNode body : json.get("bodies")) {
            perBody.put(body.get("id").asText(), body.get("measureCount").asInt());
        }
        assertEquals(MEASURES_PER_BODY, perBody);
        Map<String, Integer> pairs = new HashMap<>();
        for (JsonNode edge : json.get("coGuidance")) {
            pairs.put(edge.get("bodyA").asText() + "-" + edge.get("bodyB").asText(), edge.get("weight").asInt());
            assertEquals(edge.get("weight").asInt(), edge.get("measures").size());
        }
        assertEquals(CO_GUIDANCE, pairs);
    }

    @Test
    void formatNamesParseAndUnknownOnesAreRejectedWithTheChoices() {
        assertEquals(EnumSet.allOf(ExportFormat.class), ExportFormat.parse("all"));
        assertEquals(EnumSet.of(ExportFormat.TURTLE, ExportFormat.GRAPHML), ExportFormat.parse("ttl, GraphML"));
        assertEquals(EnumSet.of(ExportFormat.TURTLE), ExportFormat.parse("turtle"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("pdf"));
        assertTrue(error.getMessage().contains("csv, graphml, gexf, json, all"), error.getMessage());
    }

    @Test
    void theExportCommandWritesTheChosenFormats(@TempDir Path dir) throws IOException {
        assertEquals(0, Main.run("export", "--format", "gexf,csv", "--out", dir.toString()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("co-guidance.gexf", "measures.csv", "measure-bodies.csv", "bodies.csv", "co-guidance.csv"),
                    files.map(file -> file.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void theExportCommandRejectsAnUnknownFormatWithStatus2(@TempDir Path dir) throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("export", "--format", "pdf", "--out", dir.toString());
        } finally {
            System.setErr(original);
        }
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("error: unknown export format \"pdf\""), message);
        assertTrue(!message.contains("\tat "), "no stack trace");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing is written");
        }
    }

    private static long count(DatasetGraph graph) {
        long count = 0;
        var quads = graph.find();
        while (quads.hasNext()) {
            quads.next();
            count++;
        }
        return count;
    }

    private static List<CSVRecord> csv(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(out.resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
