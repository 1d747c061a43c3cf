package io.reformkg.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.source.SourceSet;
import io.reformkg.vocab.ELI;
import io.reformkg.vocab.RKG;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A graph that lacks what the shapes require is a violation, reported readably. */
class ValidationTest {
    private static final IriScheme IRIS = IriScheme.defaults();
    private static final Path DATA = Path.of("data");
    private Dataset dataset;

    @BeforeEach
    void build() {
        ReferenceData reference = ReferenceData.load(DATA);
        dataset = GraphBuilder.create().reference(reference).sources(SourceSet.open(DATA, reference)).build();
        Inference.materialise(dataset, IriScheme.defaults());
    }

    private ValidationResult removeAndValidate(String subject, Property property, String graph) {
        Txn.executeWrite(dataset, () -> {
            Model model = dataset.getNamedModel(graph);
            Resource resource = model.createResource(subject);
            assertFalse(model.listStatements(resource, property, (RDFNode) null).toList().isEmpty());
            model.removeAll(resource, property, null);
        });
        return Validator.withDefaultShapes().validate(dataset);
    }

    @Test
    void measureWithoutTitleIsAViolation() {
        String twelve = IRIS.measure(3, 12);
        ValidationResult result = removeAndValidate(twelve, ELI.title, IRIS.sourceGraph(3));
        assertFalse(result.conforms());
        Finding expected = new Finding(Finding.Severity.VIOLATION, twelve, "<" + ELI.title.getURI() + ">",
                "a measure has one title, in Chinese");
        assertEquals(List.of(expected), result.violations());
        assertEquals("violation: https://w3id.org/reform-kg/list/3/measure/12 <http://data.europa.eu/eli/ontology#title>: "
                + "a measure has one title, in Chinese", expected.toString());
    }

    @Test
    void measureWithASecondTitleIsAViolation() {
        // one row per measure: the scope index pages measures-in-place a measure at a time
        String twelve = IRIS.measure(3, 12);
        Txn.executeWrite(dataset, () -> dataset.getNamedModel(IRIS.sourceGraph(3)).createResource(twelve)
                .addProperty(ELI.title, "另一个名称", "zh"));
        assertEquals(List.of(new Finding(Finding.Severity.VIOLATION, twelve, "<" + ELI.title.getURI() + ">",
                "a measure has one title, in Chinese")), Validator.withDefaultShapes().validate(dataset).violations());
    }

    @Test
    void measureWithoutScopeIsAViolation() {
        String one = IRIS.measure(3, 1);
        ValidationResult result = removeAndValidate(one, RKG.promotionScope, IRIS.sourceGraph(3));
        assertEquals(List.of(new Finding(Finding.Severity.VIOLATION, one, "<" + RKG.promotionScope.getURI() + ">",
                "a measure has exactly one promotion scope")), result.violations());
    }

    @Test
    void bodyWithoutItsChineseNameIsAViolation() {
        String most = IRIS.body("MOST");
        Txn.executeWrite(dataset, () -> {
            Model model = dataset.getNamedModel(IRIS.referenceGraph());
            model.remove(model.createResource(most), RDFS.label, model.createLiteral("中华人民共和国科学技术部", "zh"));
        });
        ValidationResult result = Validator.withDefaultShapes().validate(dataset);
        assertEquals(List.of(new Finding(Finding.Severity.VIOLATION, most, "<" + RDFS.label.getURI() + ">",
                "a body has one official Chinese name")), result.violations());
    }

    @Test
    void listWithAPlainYearAndTwoChineseIssuerNamesIsAViolation() {
        String list = IRIS.list(3);
        Txn.executeWrite(dataset, () -> {
            Model model = dataset.getNamedModel(IRIS.sourceGraph(3));
            Resource resource = model.createResource(list);
            assertEquals("2020", resource.getRequiredProperty(DCTerms.issued).getLiteral().getLexicalForm());
            model.removeAll(resource, DCTerms.issued, null);
            resource.addProperty(DCTerms.issued, "2020");
            resource.addProperty(RKG.issuerName, "国务院", "zh");
        });
        // sorted: the validator reports in no fixed order
        assertEquals(List.of(
                "violation: " + list + " <" + DCTerms.issued.getURI() + ">: a list has at most one year of issue, "
                        + "an xsd:gYear",
                "violation: " + list + " <" + RKG.issuerName.getURI() + ">: a list's issuer has one name per language, "
                        + "in Chinese or English"),
                Validator.withDefaultShapes().validate(dataset).violations().stream().map(Finding::toString).sorted()
                        .toList());
    }

    @Test
    void theRealGraphConforms() {
        ValidationResult result = Validator.withDefaultShapes().validate(dataset);
        assertEquals(List.of(), result.violations());
        assertEquals(1, result.warnings().size());
    }
}
