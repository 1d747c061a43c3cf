package io.reformkg.linkeddata;

import static io.reformkg.linkeddata.LinkedDataServerTest.measuresHere;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reformkg.store.GraphStore;
import io.reformkg.testing.DataFolders;
import io.reformkg.vocab.RKG;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Linked data of scopes that name divisions ({@link DataFolders#copyWithScopesNamingDivisions}:
 * measure 12 in 合肥、芜湖市, measure 16 in 北京市东城区、东莞市): the scope dereferences, and a
 * division's page lists the measures promoted there or in a division around it.
 */
class ScopesNamingDivisionsPagesTest {
    private static final String BASE = "https://w3id.org/reform-kg/";

    @TempDir
    static Path dir;
    private static GraphStore store;
    private static LinkedDataServer server;

    @BeforeAll
    static void start() {
        store = GraphStore.create().data(DataFolders.copyWithScopesNamingDivisions(dir)).build();
        server = new LinkedDataServer(store);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void theScopeDereferencesToItsDivisionsAndItsBroaderScope() {
        Model described = ModelFactory.createDefaultModel();
        RDFParser.create().source(new ByteArrayInputStream(server.dereference("/scope/local/3401-3402",
                "text/turtle").body())).lang(Lang.TURTLE).parse(described);
        Resource scope = described.createResource(BASE + "scope/local/3401-3402");
        assertEquals(BASE + "scope/local", scope.getPropertyResourceValue(SKOS.broader).getURI());
        assertEquals(Set.of(BASE + "division/3401", BASE + "division/3402"), Set.copyOf(described
                .listObjectsOfProperty(scope, RKG.coversRegion).mapWith(node -> node.asResource().getURI()).toList()));
    }

    @ParameterizedTest
    @CsvSource({
            "/division/3401, '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15'",
            "/division/340104, '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15'",
            "/division/3410, '1,2,5,6,8,9,10,11,13'",
            "/division/34, '1,2,5,6,8,9,10,11,13'",
            "/division/110101, '1,2,3,4,5,6,7,8,9,10,11,13,14,15,16'",
            "/division/11, '1,2,3,4,5,6,7,8,9,10,11,13,14,15'"})
    void aDivisionsPageListsTheMeasuresPromotedThereOrAroundIt(String path, String expected) throws Exception {
        assertEquals(List.of(expected.split(",")), measuresHere(server, path), path);
    }
}
