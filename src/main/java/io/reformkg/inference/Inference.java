package io.reformkg.inference;

import io.reformkg.graph.IriScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateRequest;

/**
 * The entry point of the inference stage: materialises what the ontology implies into the named
 * graph {@link IriScheme#inferredGraph()}, so plain SPARQL finds it without a reasoner and
 * asserted and inferred triples stay distinguishable. The logic lives in two declarative rule
 * files beside the ontology (SPARQL Update): {@value #RULES_RESOURCE}, run once per batch — one
 * named graph joined with the shared ontology and reference graphs — and {@value #TOTALS_RESOURCE},
 * the counts over all batches, run once after them. This class only binds and runs them.
 * See docs/inference.md for what is inferred.
 */
public final class Inference {
    /** The per-batch rules, copied into the jar from {@code ontology/inference.ru}. */
    public static final String RULES_RESOURCE = "ontology/inference.ru";
    /** The totals over all batches, copied into the jar from {@code ontology/inference-totals.ru}. */
    public static final String TOTALS_RESOURCE = "ontology/inference-totals.ru";

    private final IriScheme iris;
    private final String rules;
    private final UpdateRequest totals;

    private Inference(IriScheme iris) {
        this.iris = iris;
        this.rules = read(RULES_RESOURCE);
        // a syntax error fails here, before a long build has begun
        rules(rules, iris);
        this.totals = parse(TOTALS_RESOURCE, new ParameterizedSparqlString(read(TOTALS_RESOURCE)), iris);
    }

    /** The rules, read from the jar, for data under {@code iris}. */
    public static Inference forIris(IriScheme iris) {
        return new Inference(iris);
    }

    /**
     * Replaces the dataset's inferred graph with what the rules derive from its other graphs, in
     * one write transaction: the whole dataset as one batch, then the totals. Returns the number
     * of inferred triples.
     */
    public static long materialise(Dataset dataset, IriScheme iris) {
        Inference inference = forIris(iris);
        return Txn.calculateWrite(dataset, () -> {
            DatasetGraph whole = new UnionDefaultGraph(dataset.asDatasetGraph());
            UpdateExec.dataset(whole).update(inference.batchRules(Quad.unionGraph.getURI())).execute();
            UpdateExec.dataset(whole).update(inference.totals).execute();
            return dataset.getNamedModel(iris.inferredGraph()).size();
        });
    }

    /**
     * Runs the per-batch rules on the graph {@code batch} named {@code batchGraph}, joined with
     * {@code context}: the batch plus the shared graphs it refers to (ontology, reference data).
     * Returns what they infer. The caller runs {@link #totals(Dataset)} on the complete dataset
     * once every batch is in.
     */
    public Graph inferBatch(String batchGraph, Graph batch, Graph context) {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral(context);
        dataset.addGraph(NodeFactory.createURI(batchGraph), batch);
        UpdateExec.dataset(dataset).update(batchRules(batchGraph)).execute();
        return dataset.getGraph(NodeFactory.createURI(iris.inferredGraph()));
    }

    /** Adds the counts over all batches to the inferred graph of the complete dataset, in one write transaction. */
    public void totals(Dataset dataset) {
        Txn.executeWrite(dataset, () -> UpdateExecution.dataset(dataset).update(totals).execute());
    }

    private UpdateRequest batchRules(String batchGraph) {
        ParameterizedSparqlString text = new ParameterizedSparqlString(rules);
        text.setIri("batch", batchGraph);
        return parse(RULES_RESOURCE, text, iris);
    }

    /**
     * A dataset whose default graph is the union of its named graphs, as the rules read a whole
     * dataset; updates go to the dataset. ARQ queries this view as it is ({@link DatasetGraphWrapperView}).
     */
    private static final class UnionDefaultGraph extends DatasetGraphWrapper implements DatasetGraphWrapperView {
        UnionDefaultGraph(DatasetGraph dataset) {
            super(dataset);
        }

        @Override
        public Graph getDefaultGraph() {
            return getUnionGraph();
        }
    }

    /** The rules with the IRI base and the inferred graph bound; a syntax error names the rule file's line. */
    static UpdateRequest rules(String rules, IriScheme iris) {
        return parse(RULES_RESOURCE, new ParameterizedSparqlString(rules), iris);
    }

    private static UpdateRequest parse(String resource, ParameterizedSparqlString text, IriScheme iris) {
        text.setBaseUri(iris.base());
        text.setIri("inferred", iris.inferredGraph());
        try {
            return text.asUpdate();
        } catch (QueryParseException e) {
            // the bound text starts with one extra line: BASE <...>
            throw new IllegalStateException(resource + ":" + (e.getLine() - 1) + ": " + e.getMessage(), e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Inference.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
