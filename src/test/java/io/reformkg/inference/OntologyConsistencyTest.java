package io.reformkg.inference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.graph.IriScheme;
import io.reformkg.graph.Ontology;
import io.reformkg.store.GraphStore;
import io.reformkg.vocab.RKG;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.Reasoner;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ontology, with the built data and its inferred graph, is consistent under Jena's OWL reasoner. */
class OntologyConsistencyTest {
    private static Model data;

    @BeforeAll
    static void build() {
        try (GraphStore store = GraphStore.create().data(Path.of("data")).build()) {
            data = Txn.calculateRead(store.dataset(),
                    () -> ModelFactory.createDefaultModel().add(store.dataset().getUnionModel()));
        }
    }

    @Test
    void theOntologyAloneIsConsistent() {
        ValidityReport report = ModelFactory.createInfModel(ReasonerRegistry.getOWLMiniReasoner(), Ontology.load())
                .validate();
        assertTrue(report.isValid(), () -> reports(report));
    }

    @Test
    void theOntologyWithTheDataAndTheInferredGraphIsConsistent() {
        ValidityReport report = reasonOver(data).validate();
        assertTrue(report.isValid(), () -> reports(report));
        assertTrue(report.isClean(), () -> reports(report));
    }

    @Test
    void theReasonerCatchesAnIllTypedValue() {
        Model broken = ModelFactory.createDefaultModel().add(data);
        IriScheme iris = IriScheme.defaults();
        broken.createResource(iris.coGuidance("PBOC", "CBIRC"))
                .addProperty(RDF.type, RKG.CoGuidance)
                .addProperty(RKG.weight, "five");
        assertFalse(reasonOver(broken).validate().isValid(), "rkg:weight ranges over xsd:integer");
    }

    private static InfModel reasonOver(Model instances) {
        Reasoner reasoner = ReasonerRegistry.getOWLMicroReasoner().bindSchema(Ontology.load());
        return ModelFactory.createInfModel(reasoner, instances);
    }

    private static String reports(ValidityReport report) {
        List<String> lines = new ArrayList<>();
        report.getReports().forEachRemaining(entry -> lines.add(entry.toString()));
        return String.join("\n", lines.subList(0, Math.min(20, lines.size())));
    }
}
