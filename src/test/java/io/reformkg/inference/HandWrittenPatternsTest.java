package io.reformkg.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reformkg.reference.ReferenceData;
import io.reformkg.store.GraphStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The patterns a person writing their own SPARQL reaches for first answer on the in-memory and
 * the TDB2 store alike: a superclass as the type, whole numbers matched by value, every name of
 * a place in one property, the two kinds of co-guidance link by type, the State Council's bodies.
 */
class HandWrittenPatternsTest {
    private static final String PREFIXES = """
            PREFIX rkg:  <https://w3id.org/reform-kg/def/>
            PREFIX eli:  <http://data.europa.eu/eli/ontology#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX body: <https://w3id.org/reform-kg/body/>
            """;
    private static final String BASE = "https://w3id.org/reform-kg/";

    @TempDir
    static Path folder;
    private static GraphStore inMemory;
    private static GraphStore tdb2;

    @BeforeAll
    static void build() {
        inMemory = GraphStore.create().data(Path.of("data")).build();
        tdb2 = GraphStore.create().data(Path.of("data")).tdb2(folder.resolve("tdb2")).build();
    }

    @AfterAll
    static void close() {
        inMemory.close();
        tdb2.close();
    }

    static Stream<String> stores() {
        return Stream.of("in-memory", "TDB2");
    }

    private static List<String> select(String store, String where) {
        GraphStore graph = store.equals("TDB2") ? tdb2 : inMemory;
        List<String> values = new ArrayList<>();
        Txn.executeRead(graph.dataset(), () -> {
            try (QueryExecution execution = QueryExecution.model(graph.dataset().getUnionModel())
                    .query(PREFIXES + "SELECT DISTINCT ?x WHERE { " + where + " }").build()) {
                execution.execSelect().forEachRemaining(row -> {
                    RDFNode x = row.get("x");
                    values.add(x.isLiteral() ? x.asLiteral().getLexicalForm() : x.toString());
                });
            }
        });
        return List.copyOf(new TreeSet<>(values));
    }

    private static int count(String store, String where) {
        return select(store, where).size();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aSuperclassFindsTheInstancesOfItsSubclasses(String store) {
        int divisions = ReferenceData.load(Path.of("data")).divisions().size();
        assertEquals(divisions, count(store, "?x a rkg:AdministrativeDivision"));
        // the divisions, the 8 pilot regions and the nation
        assertEquals(divisions + 9, count(store, "?x a rkg:Region"));
        assertEquals(List.of(BASE + "body/CBIRC", BASE + "body/CNIPA", BASE + "body/GACC", BASE + "body/MIIT",
                BASE + "body/MOE", BASE + "body/MOF", BASE + "body/MOHRSS", BASE + "body/MOJ", BASE + "body/MOST",
                BASE + "body/NDRC", BASE + "body/NFRA", BASE + "body/PBOC", BASE + "body/SASAC", BASE + "body/SPC",
                BASE + "body/StateCouncil"), select(store, "?x a org:Organization"));
        assertEquals(16, count(store, "?x a eli:LegalResourceSubdivision ; a rkg:Measure"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void wholeNumbersMatchByValueInATriplePattern(String store) {
        assertEquals(16, count(store, "?x rkg:position 1"), "one lead body per measure");
        assertEquals(List.of(BASE + "list/3/measure/3", BASE + "list/3/section/3"),
                select(store, "?x rkg:sequenceNumber 3"));
        assertEquals(List.of(BASE + "list/3/section/5"), select(store, "?x rkg:declaredMeasureCount 4"));
        assertEquals(List.of(BASE + "list/3/measure/12"), select(store, "?x rkg:sourceLine 79"));
        assertEquals(List.of(BASE + "list/3"), select(store, "?x rkg:batch 3"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everyNameOfAPlaceIsAPlaceName(String store) {
        String longzihu = BASE + "division/340302";
        for (String name : List.of("龙子湖区", "蚌埠市龙子湖区")) {
            assertEquals(List.of(longzihu), select(store, "?x rkg:placeName \"" + name + "\"@zh"), name);
        }
        assertEquals(List.of("龙子湖区"), select(store, "<" + longzihu + "> rdfs:label ?x"));
        for (String name : List.of("合肥市", "合肥", "安徽省合肥市")) {
            assertEquals(List.of(BASE + "division/3401"), select(store, "?x rkg:placeName \"" + name + "\"@zh"), name);
        }
        assertEquals(List.of(BASE + "region/he-wu-beng"), select(store, "?x rkg:placeName \"安徽（合芜蚌）\"@zh"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void overallAndPerCategoryCoGuidanceHaveTheirOwnTypes(String store) {
        assertEquals(25, count(store, "?x a rkg:OverallCoGuidance"));
        assertEquals(0, count(store, "?x a rkg:OverallCoGuidance ; rkg:inCategory ?category"));
        int perCategory = count(store, "?x a rkg:CategoryCoGuidance");
        assertEquals(perCategory, count(store, "?x a rkg:CategoryCoGuidance ; rkg:inCategory ?category"));
        assertEquals(25 + perCategory, count(store, "?x a rkg:CoGuidance"));
        assertEquals(List.of("5"), select(store, "body:CBIRC rkg:coGuidance ?link . body:PBOC rkg:coGuidance ?link . "
                + "?link a rkg:OverallCoGuidance ; rkg:weight ?x"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theStateCouncilsBodiesArePartOfIt(String store) {
        assertEquals(List.of("中华人民共和国国务院"), select(store, "body:StateCouncil rdfs:label ?x FILTER (LANG(?x) = \"zh\")"));
        assertEquals(List.of(BASE + "body/SPC"), select(store,
                "?x a rkg:GuidingBody FILTER NOT EXISTS { ?x org:subOrganizationOf body:StateCouncil }"));
        assertEquals(13, count(store, "?x org:subOrganizationOf body:StateCouncil"));
        assertEquals(List.of(BASE + "list/3/measure/14"), select(store,
                "?x eli:responsibility_of ?body FILTER NOT EXISTS { ?body org:subOrganizationOf body:StateCouncil }"));
    }
}
