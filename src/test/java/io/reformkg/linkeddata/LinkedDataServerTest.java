package io.reformkg.linkeddata;

import static io.reformkg.linkeddata.LinkedDataServer.gunzip;
import static io.reformkg.linkeddata.LinkedDataServer.text;
import static io.reformkg.linkeddata.LinkedDataServer.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.export.RdfFormat;
import io.reformkg.graph.IriScheme;
import io.reformkg.vocab.ELI;
import io.reformkg.vocab.RKG;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The linked-data servlets on a real Fuseki server, exercised over HTTP. */
class LinkedDataServerTest {
    private static final IriScheme IRIS = IriScheme.defaults();
    private static final String MEASURE_12_TITLE = "生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制";
    private static LinkedDataServer server;

    @BeforeAll
    static void start() {
        server = new LinkedDataServer(LinkedDataServer.standardStore());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The things the issue names, with a check each RDF description of them must pass. */
    private static Map<String, Consumer<DatasetGraph>> things() {
        Map<String, Consumer<DatasetGraph>> things = new LinkedHashMap<>();
        things.put("/list/3/measure/12", description -> {
            Node measure = uri(IRIS.measure(3, 12));
            assertTrue(has(description, measure, ELI.title.asNode(), NodeFactory.createLiteralLang(MEASURE_12_TITLE, "zh")));
            assertTrue(has(description, measure, ELI.responsibility_of.asNode(), uri(IRIS.body("GACC"))));
            Node guidance = uri(IRIS.guidance(3, 12, 1));
            assertTrue(has(description, guidance, RKG.body.asNode(), uri(IRIS.body("GACC"))),
                    "the guidance node travels with the measure");
        });
        things.put("/body/MOST", description -> {
            Node body = uri(IRIS.body("MOST"));
            assertTrue(has(description, body, RDFS.label.asNode(),
                    NodeFactory.createLiteralLang("Ministry of Science and Technology", "en")));
            assertEquals(9, count(description, Node.ANY, ELI.responsibility_of.asNode(), body),
                    "the 9 measures MOST guides point at it");
        });
        things.put("/region/wuhan", description -> {
            Node region = uri(IRIS.region("wuhan"));
            assertTrue(has(description, region, RDFS.label.asNode(), NodeFactory.createLiteralLang("湖北武汉", "zh")));
            assertTrue(has(description, region, RKG.memberArea.asNode(), uri(IRIS.division("4201"))));
        });
        things.put("/def/Measure", description -> {
            assertTrue(has(description, RKG.Measure.asNode(), RDFS.label.asNode(),
                    NodeFactory.createLiteralLang("改革举措", "zh")));
            assertTrue(has(description, RKG.Measure.asNode(), RDFS.subClassOf.asNode(),
                    ELI.LegalResourceSubdivision.asNode()));
            assertEquals(16, count(description, Node.ANY, RDF.type.asNode(), RKG.Measure.asNode()));
        });
        things.put("/def/", description ->
                assertTrue(has(description, RKG.ONTOLOGY.asNode(), RDF.type.asNode(), OWL.Ontology.asNode())));
        return things;
    }

    @ParameterizedTest
    @CsvSource({
            "/list/3/measure/12, text/turtle, /list/3/measure/12.ttl",
            "/list/3/measure/12, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', /list/3/measure/12.html",
            "/body/MOST, application/ld+json, /body/MOST.jsonld",
            "/body/MOST, application/rdf+xml, /body/MOST.rdf",
            "/region/wuhan, application/n-triples, /region/wuhan.nt",
            "/region/wuhan, application/trig, /region/wuhan.trig",
            "/def/Measure, application/n-quads, /def/Measure.nq",
            "/def/Measure, '*/*', /def/Measure.html",
            "/def/, text/turtle, /def/index.ttl",
            "/dataset, text/turtle, /dataset.ttl"})
    void thingsAnswer303SeeOtherToTheDocumentTheClientAsksFor(String path, String accept, String document) {
        HttpResponse<byte[]> response = server.get(path, "Accept", accept);
        assertEquals(303, response.statusCode(), text(response));
        assertEquals(document, URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
        assertTrue(response.headers().allValues("Vary").contains("Accept"));
    }

    @Test
    void aRequestWithoutAcceptGetsHtmlAndKeepsTheLanguageChoice() {
        HttpResponse<byte[]> response = server.get("/body/MOST?lang=zh");
        assertEquals(303, response.statusCode());
        assertEquals("/body/MOST.html?lang=zh", URI.create(response.headers().firstValue("Location").orElseThrow())
                .getRawPath() + "?" + URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery());
    }

    @Test
    void everyThingParsesBackInEveryRdfFormatByAcceptHeaderAndBySuffix() {
        for (Map.Entry<String, Consumer<DatasetGraph>> thing : things().entrySet()) {
            for (DocumentFormat format : DocumentFormat.values()) {
                if (format == DocumentFormat.HTML) {
                    continue;
                }
                HttpResponse<byte[]> negotiated = server.dereference(thing.getKey(), format.mediaType());
                HttpResponse<byte[]> direct = server.get(IriMapper.documentPath(thing.getKey(), format));
                for (HttpResponse<byte[]> response : List.of(negotiated, direct)) {
                    assertEquals(200, response.statusCode(), thing.getKey() + " as " + format + ": " + text(response));
                    String contentType = response.headers().firstValue("Content-Type").orElseThrow();
                    Lang lang = RDFLanguages.contentTypeToLang(contentType.split(";")[0].trim());
                    assertEquals(format.rdf().orElseThrow().lang(), lang, "Content-Type " + contentType);
                    DatasetGraph description = parse(response.body(), lang, response.uri().toString());
                    thing.getValue().accept(description);
                }
            }
        }
    }

    @Test
    void trigAndNQuadsKeepTheGraphEachStatementComesFrom() {
        for (String extension : List.of("trig", "nq")) {
            DatasetGraph description = parse(server.get("/list/3/measure/12." + extension).body(),
                    RDFLanguages.fileExtToLang(extension), server.root);
            assertGraphs(description);
        }
    }

    private static void assertGraphs(DatasetGraph description) {
        Node measure = uri(IRIS.measure(3, 12));
        assertTrue(description.contains(uri(IRIS.sourceGraph(3)), measure, ELI.title.asNode(), Node.ANY));
        assertTrue(description.contains(uri(IRIS.referenceGraph()), uri(IRIS.body("GACC")), RDFS.label.asNode(),
                Node.ANY), "the body's label comes from the reference graph");
        assertTrue(description.contains(uri(IRIS.ontologyGraph()), RKG.Measure.asNode(), RDFS.label.asNode(), Node.ANY));
    }

    @Test
    void everyThingHasAWellFormedHtmlPageLinkedToTheDatasetDescription() throws Exception {
        for (String path : things().keySet()) {
            HttpResponse<byte[]> response = server.dereference(path, "text/html");
            assertEquals(200, response.statusCode());
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                    .replace(";charset", "; charset"));
            Document page = xml(response.body());
            assertFalse(string(page, "//h1").isBlank());
            assertEquals("/.well-known/void", string(page, "//a[@id='void-link']/@href"));
            String iri = string(page, "//code[@id='iri']");
            assertEquals(new IriMapper(IRIS).iri(path), iri);
        }
    }

    @Test
    void unknownResourcesAndDocumentsAre404WithAMessage() {
        for (String path : List.of("/list/3/measure/99", "/list/3/measure/99.ttl", "/body/NOPE", "/body/NOPE.html",
                "/def/NoSuchTerm", "/region/atlantis.jsonld", "/list/3/measure/12/", "/download/reform-kg.pdf",
                "/download/other.ttl")) {
            HttpResponse<byte[]> response = server.get(path, "Accept", "text/turtle");
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
            assertFalse(text(response).isBlank());
            assertFalse(text(response).contains("Exception"), "no stack trace: " + text(response));
        }
        HttpResponse<byte[]> unknownFormat = server.get("/list/3/measure/12.pdf");
        assertEquals(404, unknownFormat.statusCode());
        assertTrue(text(unknownFormat).contains(".ttl"), "the message lists the formats: " + text(unknownFormat));
    }

    @Test
    void acceptHeadersNoFormatSatisfiesAre406WithTheFormatsOnOffer() {
        for (String path : List.of("/list/3/measure/12", "/body/MOST", "/def/Measure", "/.well-known/void")) {
            for (String accept : List.of("application/pdf", "image/png, application/msword;q=0.5", "text/turtle;q=0")) {
                HttpResponse<byte[]> response = server.get(path, "Accept", accept);
                assertEquals(406, response.statusCode(), path + " with " + accept);
                assertTrue(text(response).contains("text/turtle"), text(response));
            }
        }
    }

    @Test
    void aBodysPageListsItsMeasuresInOrderAndItsPartners() throws Exception {
        Document page = xml(server.get("/body/MOST.html?lang=en").body());
        Map<String, String> positions = new LinkedHashMap<>();
        NodeList rows = nodes(page, "//section[@id='measures']//tbody/tr");
        for (int i = 0; i < rows.getLength(); i++) {
            positions.put(string(rows.item(i), "td[1]"), string(rows.item(i), "td[3]"));
        }
        assertEquals(Map.of("1", "3", "2", "2", "3", "2", "6", "3", "7", "1 (lead)", "8", "2", "9", "1 (lead)",
                "10", "2", "13", "1 (lead)"), positions);
        assertEquals(List.of("1", "2", "3", "6", "7", "8", "9", "10", "13"), new ArrayList<>(positions.keySet()));
        Map<String, String> partners = new LinkedHashMap<>();
        NodeList partnerRows = nodes(page, "//section[@id='partners']//tbody/tr");
        for (int i = 0; i < partnerRows.getLength(); i++) {
            String href = string(partnerRows.item(i), "td[1]/a/@href");
            partners.put(href.substring(href.lastIndexOf('/') + 1).replace("?lang=en", ""),
                    string(partnerRows.item(i), "td[2]"));
        }
        assertEquals(Map.of("CBIRC", "4", "NDRC", "4", "MOF", "3", "PBOC", "3", "CNIPA", "1"), partners);
        assertEquals("China Banking and Insurance Regulatory Commission", string(page,
                "//section[@id='partners']//tbody/tr[1]/td[1]/a"), "partners sorted by shared measures, then IRI");

        Document customs = xml(server.get("/body/GACC.html").body());
        assertEquals(1, nodes(customs, "//section[@id='measures']//tbody/tr").getLength());
        assertEquals(0, nodes(customs, "//section[@id='partners']//tbody/tr").getLength(),
                "measure 12 is the customs administration's alone");
    }

    @ParameterizedTest
    @CsvSource({
            "/region/wuhan, 16",
            "/region/he-wu-beng, 16",
            "/region/cn, 11",
            "/division/4201, 16",
            "/division/3401, 16",
            "/division/340102, 16",
            "/division/3410, 11",
            "/division/34, 11"})
    void aRegionsPageListsTheMeasuresThatApplyThere(String path, int expected) throws Exception {
        List<String> numbers = measuresHere(server, path);
        assertEquals(expected, numbers.size(), path);
        boolean pilotMeasuresApply = expected == 16;
        for (String pilotOnly : List.of("3", "4", "7", "14", "15")) {
            assertEquals(pilotMeasuresApply, numbers.contains(pilotOnly), path + " and measure " + pilotOnly);
        }
    }

    @Test
    void aMeasuresPageShowsItsBodiesInOrderAndWhichGraphEachStatementComesFrom() throws Exception {
        Document page = xml(server.get("/list/3/measure/3.html?lang=en").body());
        List<String> bodies = new ArrayList<>();
        NodeList items = nodes(page, "//section[@id='guiding-bodies']/ol/li/a");
        for (int i = 0; i < items.getLength(); i++) {
            String href = items.item(i).getAttributes().getNamedItem("href").getNodeValue();
            bodies.add(href.substring(href.lastIndexOf('/') + 1).replace("?lang=en", ""));
        }
        assertEquals(List.of("MOF", "MOST", "PBOC", "CBIRC"), bodies);
        assertEquals("source 3", string(page,
                "//section[@id='properties']//tr[th/a/@title='" + ELI.title.getURI() + "']/td[@class='graph']/a"));
        Document body = xml(server.get("/body/MOF.html?lang=en").body());
        assertEquals("reference data", string(body,
                "//section[@id='properties']//tr[th/a/@title='" + RDFS.label.getURI() + "'][1]/td[@class='graph']/a"));
        Document term = xml(server.get("/def/Measure.html?lang=en").body());
        assertEquals("ontology", string(term,
                "//section[@id='properties']//tr[th/a/@title='" + RDFS.label.getURI() + "'][1]/td[@class='graph']/a"));
        Dataset data = server.store.dataset();
        long counties = Txn.calculateRead(data, () -> count(data.asDatasetGraph(), Node.ANY, RDF.type.asNode(),
                RKG.County.asNode()));
        Document county = xml(server.get("/def/County.html?lang=en").body());
        assertEquals((counties - ResourcePage.INCOMING_PER_PROPERTY) + " more not listed",
                string(county, "//section[@id='referenced-by']//tr[@class='more']"),
                "a class with thousands of instances lists the first " + ResourcePage.INCOMING_PER_PROPERTY);
    }

    @Test
    void labelsFollowTheReadersLanguageWithAFallback() throws Exception {
        assertEquals("Ministry of Science and Technology",
                string(xml(server.get("/body/MOST.html", "Accept-Language", "en-GB,en;q=0.9").body()), "//h1"));
        assertEquals("中华人民共和国科学技术部",
                string(xml(server.get("/body/MOST.html", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").body()), "//h1"));
        assertEquals("中华人民共和国科学技术部",
                string(xml(server.get("/body/MOST.html?lang=zh", "Accept-Language", "en").body()), "//h1"),
                "?lang= overrides Accept-Language");
        assertEquals("Ministry of Science and Technology",
                string(xml(server.get("/body/MOST.html", "Accept-Language", "fr-FR, de;q=0.8").body()), "//h1"),
                "an unsupported language falls back to English");
        Document measure = xml(server.get("/list/3/measure/12.html?lang=en").body());
        assertEquals(MEASURE_12_TITLE, string(measure, "//h1"), "a measure has no English title: Chinese is shown");
        assertEquals("zh", string(measure, "//h1/@lang"));
        assertEquals("en", string(measure, "/html/@lang"));
        Document names = xml(server.get("/region/wuhan.html").body());
        assertEquals("湖北武汉 | Wuhan, Hubei", string(names, "//dl[@id='names']/dd[1]/span") + " | "
                + string(names, "//dl[@id='names']/dd[2]/span"), "both names are shown whatever the language");
        assertTrue(server.get("/body/MOST.html").headers().allValues("Vary").contains("Accept-Language"));
    }

    @Test
    void linksInPagesPointAtTheLocalServer() throws Exception {
        Document page = xml(server.get("/list/3/measure/12.html").body());
        NodeList hrefs = nodes(page, "//a/@href");
        int local = 0;
        for (int i = 0; i < hrefs.getLength(); i++) {
            String href = hrefs.item(i).getNodeValue();
            assertFalse(href.startsWith(IRIS.base()), "links to the data's IRIs go to this server: " + href);
            if (href.startsWith("/") && !href.startsWith("/kg/")) {
                local++;
                int status = server.get(href, "Accept", "text/turtle").statusCode();
                assertTrue(status == 303 || status == 200, href + " answers " + status);
            }
        }
        assertTrue(local > 20, "the page links its category, section, list, body, scope and source: " + local);
    }

    @Test
    void pagesEmbedSchemaOrgJsonLd() throws Exception {
        JsonNode measure = schemaOrg(server.get("/list/3/measure/12.html").body());
        assertEquals("https://schema.org/", measure.get("@context").asText());
        assertEquals("Legislation", measure.get("@type").asText());
        assertEquals(IRIS.measure(3, 12), measure.get("@id").asText());
        assertEquals(MEASURE_12_TITLE, measure.get("name").asText());
        assertEquals(IRIS.body("GACC"), measure.get("legislationResponsible").get("@id").asText());
        assertEquals(server.root + "/list/3/measure/12", measure.get("url").asText());
        JsonNode body = schemaOrg(server.get("/body/MOST.html?lang=en").body());
        assertEquals("GovernmentOrganization", body.get("@type").asText());
        assertEquals("Ministry of Science and Technology", body.get("name").asText());
        assertEquals("AdministrativeArea", schemaOrg(server.get("/region/wuhan.html").body()).get("@type").asText());
        assertEquals("Dataset", schemaOrg(server.get("/.well-known/void", "Accept", "text/html").body())
                .get("@type").asText());
    }

    @Test
    void theFullDatasetDownloadsInEveryFormatPlainAndGzipped() {
        Dataset dataset = server.store.dataset();
        long quads = Txn.calculateRead(dataset, () -> count(dataset.asDatasetGraph(), Node.ANY, Node.ANY, Node.ANY));
        long triples = Txn.calculateRead(dataset, () -> dataset.getUnionModel().size());
        for (RdfFormat format : RdfFormat.values()) {
            String path = "/download/reform-kg." + format.extension();
            HttpResponse<byte[]> plain = server.get(path);
            assertEquals(200, plain.statusCode(), path);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            HttpResponse<byte[]> gzipped = server.get(path, "Accept-Encoding", "gzip, deflate");
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow(), path);
            assertTrue(gzipped.body().length < plain.body().length / 3, "gzip compresses " + path);
            for (byte[] body : List.of(plain.body(), gunzip(gzipped.body()))) {
                DatasetGraph parsed = parse(body, format.lang(), server.root);
                long size = count(parsed, Node.ANY, Node.ANY, Node.ANY);
                assertEquals(format.isDataset() ? quads : triples, size, path);
            }
        }
    }

    @Test
    void theVoidDescriptionCountsTheDatasetAndNamesItsEndpointDumpsAndExamples() {
        HttpResponse<byte[]> response = server.get("/.well-known/void", "Accept", "text/turtle");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().allValues("Vary").contains("Accept"));
        DatasetGraph description = parse(response.body(), Lang.TURTLE, server.root);
        Node dataset = uri(IRIS.dataset());
        Dataset data = server.store.dataset();
        long quads = Txn.calculateRead(data, () -> count(data.asDatasetGraph(), Node.ANY, Node.ANY, Node.ANY));
        assertEquals(quads, integer(description, dataset, VOID.triples.asNode()));
        assertEquals(16, entities(description, dataset, RKG.Measure.asNode()));
        assertEquals(13, entities(description, dataset, RKG.GuidingBody.asNode()));
        assertEquals(8, entities(description, dataset, RKG.PilotRegion.asNode()));
        Node endpoint = object(description, dataset, VOID.sparqlEndpoint.asNode());
        assertEquals(IRIS.base() + "kg/sparql", endpoint.getURI());
        HttpResponse<byte[]> ask = server.get(new IriMapper(IRIS).path(endpoint.getURI()).orElseThrow()
                + "?query=ASK%7B%7D", "Accept", "application/sparql-results+json");
        assertEquals(200, ask.statusCode(), "the endpoint the description names answers on this server");
        assertEquals("https://creativecommons.org/licenses/by/4.0/",
                object(description, dataset, DCTerms.license.asNode()).getURI());
        assertEquals(IRIS.source(3), object(description, dataset, DCTerms.source.asNode()).getURI());
        List<Node> dumps = objects(description, dataset, VOID.dataDump.asNode());
        assertEquals(RdfFormat.values().length, dumps.size());
        for (Node dump : dumps) {
            assertEquals(200, server.get(new IriMapper(IRIS).path(dump.getURI()).orElseThrow()).statusCode(), dump.getURI());
        }
        List<Node> examples = objects(description, dataset, VOID.exampleResource.asNode());
        assertEquals(5, examples.size());
        for (Node example : examples) {
            assertEquals(303, server.get(new IriMapper(IRIS).path(example.getURI()).orElseThrow(), "Accept",
                    "text/turtle").statusCode(), example.getURI());
        }
        List<Node> subsets = objects(description, dataset, VOID.subset.asNode());
        assertEquals(4, subsets.size(), "ontology, reference, source and inferred graphs");
        for (Node graph : subsets) {
            assertEquals(303, server.get(new IriMapper(IRIS).path(graph.getURI()).orElseThrow(), "Accept",
                    "text/turtle").statusCode(), "a named graph's IRI dereferences: " + graph.getURI());
        }
        Document page = xml(server.get("/.well-known/void", "Accept", "text/html").body());
        try {
            assertEquals(RdfFormat.values().length, nodes(page, "//section[@id='downloads']//li/a").getLength());
        } catch (XPathExpressionException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void jsonLdUsesThePublishedContext() throws Exception {
        HttpResponse<byte[]> context = server.get("/context.jsonld");
        assertEquals(200, context.statusCode());
        assertTrue(context.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
        JsonNode contextJson = new ObjectMapper().readTree(context.body());
        assertEquals("eli:title", contextJson.get("@context").get("title").get("@id").asText());

        JsonNode measure = new ObjectMapper().readTree(server.get("/list/3/measure/12.jsonld").body());
        assertEquals(server.root + "/context.jsonld", measure.get("@context").asText());
        JsonNode node = null;
        for (JsonNode candidate : measure.get("graph")) {
            if (candidate.get("id").asText().equals(IRIS.measure(3, 12))) {
                node = candidate;
            }
        }
        assertTrue(node != null, "the measure is in the graph");
        assertEquals(MEASURE_12_TITLE, node.get("title").get("zh").asText());
        assertEquals(IRIS.body("GACC"), node.get("responsibilityOf").asText());
        // its class and, inferred, the class's superclass
        Set<String> types = new TreeSet<>();
        node.get("type").forEach(type -> types.add(type.asText()));
        assertEquals(Set.of("rkg:Measure", "eli:LegalResourceSubdivision"), types);
    }

    @Test
    void everyIriInTheDataDereferences() {
        Dataset dataset = server.store.dataset();
        Set<String> subjects = new TreeSet<>();
        Txn.executeRead(dataset, () -> dataset.asDatasetGraph().find().forEachRemaining(quad -> {
            Node subject = quad.getSubject();
            if (subject.isURI()) {
                subjects.add(subject.getURI());
            }
        }));
        IriMapper mapper = new IriMapper(IRIS);
        int checked = 0;
        int divisions = 0;
        for (String iri : subjects) {
            if (iri.startsWith(IRIS.division(""))) {
                // 3,300 divisions share one code path: every 40th stands for them all
                if (divisions++ % 40 != 0) {
                    continue;
                }
            }
            String path = mapper.path(iri).orElseThrow(() -> new AssertionError("no local path for " + iri));
            HttpResponse<byte[]> response = server.get(path, "Accept", "application/n-triples");
            assertEquals(303, response.statusCode(), iri);
            HttpResponse<byte[]> document = server.get(URI.create(server.root + path)
                    .resolve(response.headers().firstValue("Location").orElseThrow()).toString());
            assertEquals(200, document.statusCode(), iri);
            DatasetGraph description = parse(document.body(), Lang.NTRIPLES, server.root);
            assertTrue(description.contains(Node.ANY, uri(iri), Node.ANY, Node.ANY), "the description describes " + iri);
            checked++;
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    @Test
    void theDatasetsSparqlEndpointStillAnswersBesideTheServlets() {
        HttpResponse<byte[]> response = server.get("/kg/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20%7BGRAPH%20%3Fg%20%7B%3Fs%20%3Fp%20%3Fo%7D%7D",
                "Accept", "application/sparql-results+json");
        assertEquals(200, response.statusCode());
        assertTrue(text(response).contains("\"n\""));
    }

    @Test
    void aClientHoldingTheCurrentEtagGets304() {
        HttpResponse<byte[]> first = server.get("/body/MOST.ttl");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, server.get("/body/MOST.ttl", "If-None-Match", etag).statusCode());
        assertEquals(200, server.get("/body/MOST.ttl", "If-None-Match", "\"other\"").statusCode());
        HttpResponse<byte[]> dump = server.get("/download/reform-kg.nt", "Accept-Encoding", "gzip");
        assertEquals(304, server.get("/download/reform-kg.nt", "Accept-Encoding", "gzip", "If-None-Match",
                dump.headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    // ------------------------------------------------------------------ helpers

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static DatasetGraph parse(byte[] body, Lang lang, String base) {
        DatasetGraph parsed = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(base).parse(parsed);
        return parsed;
    }

    private static boolean has(DatasetGraph description, Node subject, Node predicate, Node object) {
        return description.contains(Node.ANY, subject, predicate, object);
    }

    private static long count(DatasetGraph description, Node subject, Node predicate, Node object) {
        long count = 0;
        var quads = description.find(Node.ANY, subject, predicate, object);
        while (quads.hasNext()) {
            quads.next();
            count++;
        }
        return count;
    }

    private static List<Node> objects(DatasetGraph description, Node subject, Node predicate) {
        List<Node> objects = new ArrayList<>();
        description.find(Node.ANY, subject, predicate, Node.ANY).forEachRemaining((Quad quad) -> objects.add(quad.getObject()));
        return objects;
    }

    private static Node object(DatasetGraph description, Node subject, Node predicate) {
        List<Node> objects = objects(description, subject, predicate);
        assertEquals(1, objects.size(), "one " + predicate + " of " + subject);
        return objects.get(0);
    }

    private static long integer(DatasetGraph description, Node subject, Node predicate) {
        return Long.parseLong(object(description, subject, predicate).getLiteralLexicalForm());
    }

    private static long entities(DatasetGraph description, Node dataset, Node type) {
        for (Node partition : objects(description, dataset, VOID.classPartition.asNode())) {
            if (objects(description, partition, VOID._class.asNode()).contains(type)) {
                return integer(description, partition, VOID.entities.asNode());
            }
        }
        throw new AssertionError("no class partition for " + type);
    }

    private static JsonNode schemaOrg(byte[] page) throws Exception {
        return new ObjectMapper().readTree(string(xml(page), "//script[@type='application/ld+json']"));
    }

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    /** The numbers of the measures a region's or division's page lists as applying there, in page order. */
    static List<String> measuresHere(LinkedDataServer server, String path) throws XPathExpressionException {
        NodeList rows = nodes(xml(server.get(path + ".html").body()), "//section[@id='measures-here']//tbody/tr");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            numbers.add(string(rows.item(i), "td[1]"));
        }
        return numbers;
    }

        static String string(Object context, String expression) throws XPathExpressionException {
        return XPATH.evaluate(expression, context).trim();
    }

    static NodeList nodes(Object context, String expression) throws XPathExpressionException {
        return (NodeList) XPATH.evaluate(expression, context, XPathConstants.NODESET);
    }
}
