package io.reformkg.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.graph.IriScheme;
import io.reformkg.query.ValuesDefaults;
import io.reformkg.store.GraphStore;
import io.reformkg.validation.Finding;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import io.reformkg.vocab.ELI;
import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The materialised inference of the real list, read with plain SPARQL and no reasoner. */
class InferenceTest {
    private static final IriScheme IRIS = IriScheme.defaults();
    private static final Set<Integer> PILOT_ONLY = Set.of(3, 4, 7, 14, 15);
    private static final Set<Integer> ALL = numbers(1, 16);
    private static final Set<Integer> NATIONWIDE = difference(ALL, PILOT_ONLY);
    /** CQ1: co-guidance pairs in 科技金融创新, ids in code-point order. */
    private static final Map<String, Integer> TECH_FINANCE_PAIRS = Map.of(
            "CBIRC-PBOC", 5, "CBIRC-MOST", 4, "MOST-PBOC", 3, "MOF-PBOC", 2, "MOF-MOST", 2,
            "CBIRC-MOF", 2, "NDRC-PBOC", 1, "MOST-NDRC", 1, "MOF-NDRC", 1, "CBIRC-NDRC", 1);
    /** Co-guidance over the whole list (as the export checks it). */
    private static final Map<String, Integer> ALL_PAIRS = Map.ofEntries(
            Map.entry("CBIRC-PBOC", 5), Map.entry("CBIRC-MOST", 4), Map.entry("MOST-NDRC", 4),
            Map.entry("MOST-PBOC", 3), Map.entry("MOF-MOST", 3), Map.entry("MOF-PBOC", 3),
            Map.entry("MOF-NDRC", 2), Map.entry("CBIRC-MOF", 2), Map.entry("NDRC-PBOC", 1),
            Map.entry("CBIRC-NDRC", 1), Map.entry("CNIPA-NDRC", 1), Map.entry("CNIPA-MOST", 1),
            Map.entry("PBOC-SASAC", 1), Map.entry("MOF-SASAC", 1), Map.entry("CNIPA-SPC", 1),
            Map.entry("CNIPA-MOJ", 1), Map.entry("MOHRSS-NDRC", 1), Map.entry("MIIT-MOHRSS", 1),
            Map.entry("MOE-MOHRSS", 1), Map.entry("MOF-MOHRSS", 1), Map.entry("MIIT-NDRC", 1),
            Map.entry("MOE-NDRC", 1), Map.entry("MIIT-MOE", 1), Map.entry("MIIT-MOF", 1), Map.entry("MOE-MOF", 1));

    private static GraphStore store;

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(Path.of("data")).build();
    }

    @Test
    void measuresApplyingInAPlaceAreOneJoinOverTheInferredContainment() {
        assertEquals(ALL, measuresIn("合肥", union(store.dataset())), "合肥 (3401) is a member of 合芜蚌");
        assertEquals(NATIONWIDE, measuresIn("黄山", union(store.dataset())), "黄山 (3410) is in no pilot region");
        assertEquals(ALL, measuresIn("北京市东城区", union(store.dataset())), "东城区 lies in 北京, a member of 京津冀");
        assertEquals(ALL, measuresIn("深圳", union(store.dataset())), "深圳 (4403) is a member of 珠三角");
        assertEquals(ALL, measuresIn("武汉", union(store.dataset())), "CQ8: 武汉 is a pilot region");
        assertEquals(NATIONWIDE, measuresIn("拉萨", union(store.dataset())));
    }

    @Test
    void theAssertedGraphsAloneLackTheInferredTriples() {
        Dataset asserted = DatasetFactory.createTxnMem();
        Model inferred = ModelFactory.createDefaultModel();
        Txn.executeRead(store.dataset(), () -> {
            store.dataset().listModelNames().forEachRemaining(name -> {
                if (name.getURI().equals(IRIS.inferredGraph())) {
                    inferred.add(store.dataset().getNamedModel(name));
                } else {
                    asserted.addNamedModel(name, store.dataset().getNamedModel(name));
                }
            });
        });
        Model assertedUnion = union(asserted);
        assertTrue(inferred.size() > 0);
        for (Iterator<Statement> it = inferred.listStatements(); it.hasNext(); ) {
            Statement statement = it.next();
            assertFalse(assertedUnion.contains(statement), "asserted already: " + statement);
        }
        assertEquals(Set.of(), measuresIn("合肥", assertedUnion));
        assertEquals(ALL, measuresIn("合肥", union(store.dataset())));
    }

    @Test
    void theInferredGraphStaysLinearInMeasures() {
        Model inferred = inferred();
        Set<Resource> measures = union(store.dataset()).listSubjectsWithProperty(RDF.type, RKG.Measure).toSet();
        assertEquals(16, measures.size());
        Model data = union(store.dataset());
        Set<Resource> divisions = new HashSet<>();
        for (Resource level : List.of(RKG.Province, RKG.PrefectureCity, RKG.County)) {
            divisions.addAll(data.listSubjectsWithProperty(RDF.type, level).toSet());
        }
        assertTrue(divisions.size() > 3000);
        for (Iterator<Statement> it = inferred.listStatements(); it.hasNext(); ) {
            Statement statement = it.next();
            assertFalse(measures.contains(statement.getSubject()) && divisions.contains(statement.getObject()),
                    "a measure × place triple: " + statement);
        }
        assertEquals(16, inferred.listStatements(null, RKG.leadBody, (Resource) null).toList().size());
        // the nationwide scope covers one region, the pilot scope 8
        assertEquals(11 + 5 * 8, inferred.listStatements(null, RKG.promotedIn, (Resource) null).toList().size());
    }

    @Test
    void aBodysPartnersComeStraightFromTheInferredCoGuidanceLinks() {
        String techFinance = IRIS.category("tech-finance");
        assertEquals(Map.of("CBIRC", 5, "MOST", 3, "MOF", 2, "NDRC", 1), partners("PBOC", techFinance));
        assertEquals(Map.of("CBIRC", 5, "MOST", 3, "MOF", 3, "NDRC", 1, "SASAC", 1), partners("PBOC", "urn:overall"));
        assertEquals(new TreeMap<>(TECH_FINANCE_PAIRS), pairs(techFinance));
        assertEquals(new TreeMap<>(ALL_PAIRS), pairs("urn:overall"));
    }

    @Test
    void coGuidesIsSymmetricAndEveryLinkHasTwoPartners() {
        Model inferred = inferred();
        Resource pboc = inferred.createResource(IRIS.body("PBOC"));
        Resource cbirc = inferred.createResource(IRIS.body("CBIRC"));
        assertTrue(inferred.contains(pboc, RKG.coGuides, cbirc));
        assertTrue(inferred.contains(cbirc, RKG.coGuides, pboc));
        assertFalse(inferred.contains(pboc, RKG.coGuides, pboc));
        Resource link = inferred.createResource(IRIS.coGuidance("PBOC", "CBIRC"));
        assertEquals(Set.of(pboc, cbirc), inferred.listObjectsOfProperty(link, RKG.partner).toSet());
        assertEquals(Set.of(1, 3, 4, 5, 6), measureNumbers(inferred.listObjectsOfProperty(link, RKG.sharedMeasure).toList()));
    }

    @Test
    void leadBodiesInverseRelationsCategoriesAndSuccessors() {
        Model inferred = inferred();
        assertEquals(IRIS.body("GACC"), inferred.getRequiredProperty(measure(12), RKG.leadBody).getResource().getURI());
        assertEquals(IRIS.body("CBIRC"), inferred.getRequiredProperty(measure(1), RKG.leadBody).getResource().getURI());
        assertEquals(IRIS.body("MOE"), inferred.getRequiredProperty(measure(16), RKG.leadBody).getResource().getURI());
        Map<String, Integer> measuresPerBody = Map.of("MOST", 9, "CBIRC", 6, "PBOC", 6, "MOF", 6, "NDRC", 6,
                "CNIPA", 3, "GACC", 1);
        measuresPerBody.forEach((body, count) -> assertEquals(count,
                inferred.listObjectsOfProperty(inferred.createResource(IRIS.body(body)), RKG.guides).toList().size(), body));
        assertEquals(Set.of(1, 3, 4, 5, 6, 7), measureNumbers(inferred.listObjectsOfProperty(
                inferred.createResource(IRIS.body("CBIRC")), RKG.guides).toList()), "CQ7");
        Map<String, Integer> categoriesPerBody = Map.of("MOF", 3, "NDRC", 3, "PBOC", 2, "MOST", 2, "CNIPA", 2,
                "GACC", 1, "MOE", 1);
        categoriesPerBody.forEach((body, count) -> assertEquals(count, inferred.listObjectsOfProperty(
                inferred.createResource(IRIS.body(body)), RKG.involvedInCategory).toList().size(), body));
        assertEquals(Set.of(IRIS.body("NFRA")), successors("CBIRC", inferred), "CQ7: 银保监会 → 国家金融监督管理总局");
        assertEquals(Set.of(IRIS.body("NFRA")), successors("NFRA", inferred), "a current body is its own successor");
        assertEquals(Set.of(IRIS.body("MOST")), successors("MOST", inferred));
        Resource list = inferred.createResource(IRIS.list(3));
        assertEquals(ALL, measureNumbers(inferred.listObjectsOfProperty(list, ELI.has_part).toList()));
    }

    @Test
    void containmentReachesTheNationAndThePilotRegions() {
        Model inferred = inferred();
        Resource dongcheng = inferred.createResource(IRIS.division("110101"));
        // counties under the 市辖区 grouping row attach to the province
        assertEquals(Set.of(IRIS.division("11"), IRIS.region("cn"), IRIS.region("jing-jin-ji")),
                uris(inferred.listObjectsOfProperty(dongcheng, RKG.within).toList()));
        assertEquals(Set.of(IRIS.division("34"), IRIS.region("cn")),
                uris(inferred.listObjectsOfProperty(inferred.createResource(IRIS.division("3410")), RKG.within).toList()));
        assertEquals(Set.of(IRIS.region("cn")),
                uris(inferred.listObjectsOfProperty(inferred.createResource(IRIS.region("wuhan")), RKG.within).toList()));
    }

    @Test
    void materialisingAgainReplacesTheInferredGraph() {
        Dataset copy = DatasetFactory.createTxnMem();
        Txn.executeRead(store.dataset(), () -> store.dataset().listModelNames()
                .forEachRemaining(name -> copy.addNamedModel(name, store.dataset().getNamedModel(name))));
        long before = Txn.calculateRead(copy, () -> copy.getNamedModel(IRIS.inferredGraph()).size());
        assertEquals(before, Inference.materialise(copy, IRIS));
    }

    @Test
    void theInferredGraphPassesTheShapesAndTheShapesCatchAWrongWeight() {
        ValidationResult result = store.validation();
        assertTrue(result.conforms(), () -> result.violations().toString());
        Dataset broken = copyOfStore();
        Txn.executeWrite(broken, () -> {
            Model inferred = broken.getNamedModel(IRIS.inferredGraph());
            Resource link = inferred.createResource(IRIS.coGuidance("PBOC", "CBIRC"));
            inferred.removeAll(link, RKG.weight, null);
            inferred.addLiteral(link, RKG.weight, inferred.createTypedLiteral(4));
            inferred.add(inferred.createResource(IRIS.body("GACC")), RKG.coGuides, inferred.createResource(IRIS.body("GACC")));
        });
        List<Finding> violations = Validator.withDefaultShapes().validate(broken).violations();
        assertEquals(Set.of(IRIS.coGuidance("PBOC", "CBIRC"), IRIS.body("GACC")),
                violations.stream().map(Finding::focusNode).collect(Collectors.toSet()),
                violations::toString);
    }

    @Test
    void aBatchedBuildChecksALinksMeasuresPerListAndItsWeightOverEveryList() {
        Dataset broken = copyOfStore();
        String link = IRIS.coGuidance("PBOC", "CBIRC");
        Txn.executeWrite(broken, () -> {
            Model inferred = broken.getNamedModel(IRIS.inferredGraph());
            Resource pbocAndCbirc = inferred.createResource(link);
            Resource shared = inferred.listObjectsOfProperty(pbocAndCbirc, RKG.sharedMeasure).next().asResource();
            Resource notGuidedByPboc = broken.getUnionModel().listSubjectsWithProperty(RDF.type, RKG.Measure)
                    .filterDrop(measure -> measure.hasProperty(ELI.responsibility_of, inferred.createResource(IRIS.body("PBOC"))))
                    .next();
            // the same number of shared measures, so the weight still holds
            inferred.remove(pbocAndCbirc, RKG.sharedMeasure, shared);
            inferred.add(pbocAndCbirc, RKG.sharedMeasure, notGuidedByPboc);
            Resource mofAndPboc = inferred.createResource(IRIS.coGuidance("MOF", "PBOC"));
            inferred.removeAll(mofAndPboc, RKG.weight, null);
            inferred.addLiteral(mofAndPboc, RKG.weight, inferred.createTypedLiteral(7));
        });
        Validator validator = Validator.withDefaultShapes();
        Set<String> perList = Txn.calculateRead(broken, () -> focusNodes(validator.validate(
                broken.getNamedModel(IRIS.inferredGraph()).getGraph(), broken.getUnionModel().getGraph())));
        Set<String> overEveryList = Txn.calculateRead(broken, () -> focusNodes(validator.validateTotals(
                broken.getNamedModel(IRIS.inferredGraph()).getGraph(), broken.getUnionModel().getGraph())));
        assertEquals(Set.of(link), perList);
        assertEquals(Set.of(IRIS.coGuidance("MOF", "PBOC")), overEveryList);
        assertEquals(Set.of(link, IRIS.coGuidance("MOF", "PBOC")), focusNodes(validator.validate(broken)));
    }

    @Test
    void aSyntaxErrorInTheRulesNamesTheFileAndLine() {
        String broken = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "INSERT { GRAPH ?inferred { ?a rkg:guides ?b } }\n"
                + "WHERE { ?b rkg:leadBody ?a ] }\n";
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Inference.rules(broken, IRIS));
        assertTrue(error.getMessage().startsWith(Inference.RULES_RESOURCE + ":3: "), error.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static Dataset copyOfStore() {
        Dataset copy = DatasetFactory.createTxnMem();
        Txn.executeRead(store.dataset(), () -> store.dataset().listModelNames()
                .forEachRemaining(name -> copy.addNamedModel(name, store.dataset().getNamedModel(name))));
        return copy;
    }

    private static Set<String> focusNodes(ValidationResult result) {
        return result.violations().stream().map(Finding::focusNode).collect(Collectors.toSet());
    }

    private static Set<Integer> measuresIn(String place, Model data) {
        Query query = QueryFactory.create(read("queries/measures-in-place.rq"));
        ValuesDefaults.bind(query, Map.of(Var.alloc("placeName"), NodeFactory.createLiteralString(place)));
        Set<Integer> numbers = new TreeSet<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution execution = QueryExecution.model(data).query(query).build()) {
                execution.execSelect().forEachRemaining(row -> numbers.add(row.getLiteral("number").getInt()));
            }
        });
        return numbers;
    }

    private static Map<String, Integer> partners(String body, String category) {
        ParameterizedSparqlString query = testQuery("partners");
        query.setIri("body", IRIS.body(body));
        query.setIri("category", category);
        Map<String, Integer> partners = new TreeMap<>();
        select(query).forEach(row -> partners.put(row.getLiteral("partnerId").getString(), row.getLiteral("weight").getInt()));
        return partners;
    }

    private static Map<String, Integer> pairs(String category) {
        ParameterizedSparqlString query = testQuery("pairs");
        query.setIri("category", category);
        Map<String, Integer> pairs = new TreeMap<>();
        select(query).forEach(row -> pairs.put(row.getLiteral("idA").getString() + "-" + row.getLiteral("idB").getString(),
                row.getLiteral("weight").getInt()));
        return pairs;
    }

    private static ParameterizedSparqlString testQuery(String name) {
        ParameterizedSparqlString query = new ParameterizedSparqlString(read("io/reformkg/inference/" + name + ".rq"));
        query.setIri("inferred", IRIS.inferredGraph());
        query.setIri("reference", IRIS.referenceGraph());
        return query;
    }

    private static List<QuerySolution> select(ParameterizedSparqlString query) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution execution = QueryExecution.dataset(store.dataset()).query(query.asQuery()).build()) {
                ResultSet results = execution.execSelect();
                List<QuerySolution> rows = new ArrayList<>();
                results.forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    private static Model inferred() {
        return Txn.calculateRead(store.dataset(),
                () -> ModelFactory.createDefaultModel().add(store.dataset().getNamedModel(IRIS.inferredGraph())));
    }

    private static Model union(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> ModelFactory.createDefaultModel().add(dataset.getUnionModel()));
    }

    private static Resource measure(int number) {
        return ModelFactory.createDefaultModel().createResource(IRIS.measure(3, number));
    }

    private static Set<String> successors(String body, Model inferred) {
        return uris(inferred.listObjectsOfProperty(inferred.createResource(IRIS.body(body)), RKG.currentSuccessor).toList());
    }

    private static Set<String> uris(List<? extends RDFNode> nodes) {
        Set<String> uris = new TreeSet<>();
        nodes.forEach(node -> uris.add(node.asResource().getURI()));
        return uris;
    }

    private static Set<Integer> measureNumbers(List<? extends RDFNode> nodes) {
        Set<Integer> numbers = new TreeSet<>();
        String prefix = IRIS.measure(3, 0).replaceAll("0$", "");
        nodes.forEach(node -> numbers.add(Integer.parseInt(node.asResource().getURI().substring(prefix.length()))));
        return numbers;
    }

    private static Set<Integer> numbers(int from, int to) {
        Set<Integer> numbers = new TreeSet<>();
        IntStream.rangeClosed(from, to).forEach(numbers::add);
        return numbers;
    }

    private static Set<Integer> difference(Set<Integer> all, Set<Integer> removed) {
        Set<Integer> rest = new TreeSet<>(all);
        rest.removeAll(removed);
        return rest;
    }

    static String read(String resource) {
        try (InputStream in = InferenceTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
