package io.reformkg.validation;

import io.reformkg.graph.Ontology;
import io.reformkg.vocab.RKGSH;
import java.util.List;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ValidationProc;
import org.apache.jena.sparql.graph.NodeConst;
import org.apache.jena.sparql.path.Path;

/**
 * The entry point of the validation stage: checks the union of a dataset's graphs against
 * the SHACL shapes in {@code ontology/shapes.ttl}.
 */
public final class Validator {
    private final Shapes shapes;
    private final List<Shape> perList;
    private final List<Shape> overEveryList;

    public Validator(Model shapesModel) {
        this.shapes = Shapes.parse(shapesModel.getGraph());
        Graph shapesGraph = shapesModel.getGraph();
        Predicate<Shape> countsOverEveryList = shape -> shapesGraph.contains(
                shape.getShapeNode(), RKGSH.countsOverEveryList.asNode(), NodeConst.nodeTrue);
        this.perList = shapes.getTargetShapes().stream().filter(countsOverEveryList.negate()).toList();
        this.overEveryList = shapes.getTargetShapes().stream().filter(countsOverEveryList).toList();
    }

    /** A validator with the shapes shipped in the jar. */
    public static Validator withDefaultShapes() {
        return new Validator(Ontology.shapes());
    }

    public ValidationResult validate(Dataset dataset) {
        return dataset.calculateRead(() -> validate(dataset.getUnionModel().getGraph()));
    }

    public ValidationResult validate(Graph data) {
        return result(ShaclValidator.get().validate(shapes, data));
    }

    /**
     * Validates the focus nodes that {@code targets} holds (e.g. one batch's graph with the
     * ontology's class hierarchy) against {@code data}, which holds everything their constraints
     * read, by every shape but those that count over every list. Validating a graph's parts this
     * way, each part's nodes once, and then {@link #validateTotals} finds what validating the
     * whole graph would, with memory bounded by the part.
     */
    public ValidationResult validate(Graph targets, Graph data) {
        return validate(perList, targets, data);
    }

    /**
     * Validates the focus nodes that {@code targets} holds by the shapes marked
     * {@code rkgsh:countsOverEveryList}, against {@code data}, which holds every list.
     */
    public ValidationResult validateTotals(Graph targets, Graph data) {
        return validate(overEveryList, targets, data);
    }

    private ValidationResult validate(List<Shape> targetShapes, Graph targets, Graph data) {
        ValidationContext context = ValidationContext.create(shapes, data);
        for (Shape shape : targetShapes) {
            for (Node focus : VLib.focusNodes(targets, shape)) {
                ValidationProc.execValidateShape(context, data, shape, focus);
            }
        }
        return result(context.generateReport());
    }

    private static ValidationResult result(ValidationReport report) {
        List<Finding> findings = report.getEntries().stream()
                .map(Validator::finding)
                .sorted(ValidationResult.ORDER)
                .toList();
        return new ValidationResult(findings);
    }

    private static Finding finding(ReportEntry entry) {
        Severity severity = entry.severity();
        Finding.Severity level = severity.equals(Severity.Violation) ? Finding.Severity.VIOLATION
                : severity.equals(Severity.Warning) ? Finding.Severity.WARNING : Finding.Severity.INFO;
        Path path = entry.resultPath();
        return new Finding(level, label(entry.focusNode()), path == null ? null : path.toString(), entry.message());
    }

    private static String label(Node node) {
        return node.isURI() ? node.getURI() : node.toString();
    }
}
