package io.reformkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/ontology.md is what the generator makes of the ontology and the built graph: it never drifts. */
class OntologyDocsTest {
    private static final Path DOCS = Path.of("docs", "ontology.md");
    private static String generated;

    @BeforeAll
    static void generate() {
        try (GraphStore store = GraphStore.create().data(Path.of("data")).build()) {
            generated = OntologyDocs.markdown(Ontology.load(), store.dataset(), store.iris());
        }
    }

    @Test
    void committedDocsAreCurrent() throws IOException {
        assertEquals(generated, Files.readString(DOCS, StandardCharsets.UTF_8), DOCS + " is out of date; regenerate it "
                + "with: java -jar target/reform-kg.jar ontology-docs");
    }

    @Test
    void everyTermHasBilingualLabelsAndDefinitions() {
        Model ontology = ModelFactory.createDefaultModel();
        RDFParser.source("ontology/reform-kg.ttl").parse(ontology);
        assertEquals(List.of(), OntologyDocs.undocumentedTerms(ontology));
    }

    @Test
    void missingDefinitionsAreFound() {
        Model ontology = Ontology.load();
        ontology.removeAll(ontology.getResource(RKG.Measure.getURI()), SKOS.definition, null);
        ontology.removeAll(ontology.getResource(RKG.batch.getURI()), RDFS.label, null);
        assertEquals(Set.of("Measure lacks definition@zh", "Measure lacks definition@en", "batch lacks label@zh",
                "batch lacks label@en"), Set.copyOf(OntologyDocs.undocumentedTerms(ontology)));
    }

    @Test
    void everyTermIsDocumentedWithAnExample() {
        Model ontology = Ontology.load();
        for (Resource term : ontology.listSubjectsWithProperty(RDFS.isDefinedBy, RKG.ONTOLOGY).toList()) {
            int at = generated.indexOf("### `rkg:" + term.getLocalName() + "`\n");
            assertTrue(at >= 0, term.getLocalName() + " has no section");
            String section = generated.substring(at, generated.indexOf("\n\n", generated.indexOf("|---|---|", at)));
            assertTrue(section.contains("| In the graph 图中 | "), section);
        }
        assertTrue(generated.contains("| In the graph 图中 | 16 instance(s) of it or its subclasses, e.g. "
                + "`<list/3/measure/1>` (银行与专业投资机构建立市场化长期性合作机制支持科技创新型企业) |"), "measure example");
        assertTrue(generated.contains("| In the graph 图中 | 43 statement(s), e.g. `<list/3/measure/1>` `rkg:guidance` "
                + "`<list/3/measure/1/guidance/1>` |"), "guidance example");
    }
}
