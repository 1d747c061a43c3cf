package io.reformkg.build;

import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.graph.Prefixes;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.search.MeasureIndex;
import io.reformkg.search.SearchIndex;
import io.reformkg.source.SourceSet;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build pipeline, one batch at a time: each named graph {@link GraphBuilder} makes (the
 * ontology, the reference data, one source list) is inferred, validated and indexed (text, measure facts) while
 * it is in memory, joined with the two shared graphs only, then streamed with its inferences to
 * the store. What needs every batch runs once the store holds them all: the inference totals and
 * the validation of the shared nodes (bodies, regions, divisions) whose facts gather from all
 * batches, and of the co-guidance links' weights, which count the measures of every batch.
 * Memory is bounded by the largest list, not the corpus.
 * <p>
 * The entry point of the build stage: sources in, a dataset and its indexes out. The store
 * ({@link io.reformkg.store.GraphStore}) runs it into memory or a TDB2 folder:
 * <pre>{@code
 * BatchedBuild build = new BatchedBuild(Path.of("data"), IriScheme.defaults());
 * Txn.executeWrite(dataset, () -> build.streamInto(StreamRDFLib.dataset(dataset.asDatasetGraph()), text, facts));
 * ValidationResult findings = build.finish(dataset);   // throws BuildFailedException on a violation
 * }</pre>
 */
public final class BatchedBuild {
    private static final Logger LOG = LoggerFactory.getLogger(BatchedBuild.class);

    private final Path data;
    private final IriScheme iris;
    private final Inference inference;
    private final Validator validator;
    private final StageTimes times = new StageTimes();
    private Model ontology;
    private Model reference;
    private Graph classHierarchy;
    private ValidationResult findings = new ValidationResult(List.of());
    private long batches;

    public BatchedBuild(Path data, IriScheme iris) {
        this(data, iris, Validator.withDefaultShapes());
    }

    public BatchedBuild(Path data, IriScheme iris, Validator validator) {
        this.data = data;
        this.iris = iris;
        this.inference = Inference.forIris(iris);
        this.validator = validator;
    }

    /**
     * Streams every batch with its inferences into {@code sink}, its text into {@code text} and
     * its measures' facts into {@code facts}.
     * Fails with {@link BuildFailedException} at the first batch that violates the shapes, and
     * with a {@code SourceException} naming file and line at the first bad source.
     */
    public void streamInto(StreamRDF sink, SearchIndex.Writer text, MeasureIndex.Writer facts) {
        long start = System.nanoTime();
        ReferenceData referenceData = ReferenceData.load(data);
        SourceSet sources = SourceSet.open(data, referenceData);
        Prefixes.ALL.forEach(sink::prefix);
        GraphBuilder.create().iris(iris).reference(referenceData).sources(sources)
                .buildInto((graphIri, model) -> batch(graphIri, model, sink, text, facts));
        times.graph = System.nanoTime() - start - times.inference - times.validation - times.index - times.load;
    }

    private void batch(String graphIri, Model model, StreamRDF sink, SearchIndex.Writer text,
                       MeasureIndex.Writer facts) {
        batches++;
        if (graphIri.equals(iris.ontologyGraph())) {
            ontology = model;
            classHierarchy = GraphFactory.createDefaultGraph();
            model.getGraph().find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(classHierarchy::add);
        } else if (graphIri.equals(iris.referenceGraph())) {
            reference = model;
        }
        List<Model> shared = Stream.of(ontology, reference).filter(graph -> graph != null && graph != model).toList();

        // one in-memory graph of the batch and what it refers to: the rules and the shapes read
        // it far faster than a union of the graphs, and copying the shared graphs is cheap
        long start = System.nanoTime();
        Graph context = new BatchContext();
        shared.forEach(graph -> GraphUtil.addInto(context, graph.getGraph()));
        GraphUtil.addInto(context, model.getGraph());
        Graph inferred = inference.inferBatch(graphIri, model.getGraph(), context);
        times.inference += lap(start);

        if (shared.size() == 2) {
            // a list's own nodes; the shared ones are validated at the end, against every batch
            start = System.nanoTime();
            GraphUtil.addInto(context, inferred);
            // the batch's co-guidance links are in its inferred graph; their weights come at the end
            Graph targets = new Union(new Union(model.getGraph(), inferred), classHierarchy);
            ValidationResult result = validator.validate(targets, context);
            if (!result.conforms()) {
                throw new BuildFailedException(result.violations());
            }
            findings = findings.and(result);
            times.validation += lap(start);
        }

        start = System.nanoTime();
        text.add(model.getGraph());
        facts.add(model.getGraph());
        times.index += lap(start);

        start = System.nanoTime();
        send(sink, NodeFactory.createURI(graphIri), model.getGraph());
        send(sink, NodeFactory.createURI(iris.inferredGraph()), inferred);
        times.load += lap(start);
    }

    private static void send(StreamRDF sink, Node graph, Graph triples) {
        triples.find().forEachRemaining(triple -> sink.quad(Quad.create(graph, triple)));
    }

    /**
     * Completes a dataset that holds every batch: the inference totals, then the validation of
     * the shared graphs' nodes and of the co-guidance weights against the whole dataset. Returns
     * all findings of the build.
     */
    public ValidationResult finish(Dataset dataset) {
        long start = System.nanoTime();
        inference.totals(dataset);
        times.totals = lap(start);
        start = System.nanoTime();
        ValidationResult result = Txn.calculateRead(dataset, () -> {
            DatasetGraph graphs = dataset.asDatasetGraph();
            Graph sharedNodes = new Union(graphs.getGraph(NodeFactory.createURI(iris.ontologyGraph())),
                    graphs.getGraph(NodeFactory.createURI(iris.referenceGraph())));
            Graph links = graphs.getGraph(NodeFactory.createURI(iris.inferredGraph()));
            return validator.validate(sharedNodes, graphs.getUnionGraph())
                    .and(validator.validateTotals(links, graphs.getUnionGraph()));
        });
        if (!result.conforms()) {
            throw new BuildFailedException(result.violations());
        }
        findings = findings.and(result);
        times.sharedValidation = lap(start);
        return findings;
    }

    /** Logs where the build's time went, stage by stage, on one line. */
    public void logTimes(long storeNanos) {
        times.store = storeNanos;
        LOG.info("built {} graphs: {}", batches, times);
    }

    private static long lap(long start) {
        return System.nanoTime() - start;
    }

    /** Nanoseconds per stage of one build. */
    private static final class StageTimes {
        long graph;
        long inference;
        long validation;
        long index;
        long load;
        long store;
        long totals;
        long sharedValidation;

        @Override
        public String toString() {
            return String.format("parse+graph %.1f s, inference %.1f s, validation %.1f s, text and measure indexes %.1f s, "
                    + "streaming to the store %.1f s, store load %.1f s, inference totals %.1f s, "
                    + "validation of shared nodes %.1f s", s(graph), s(inference), s(validation), s(index),
                    s(load), s(store), s(totals), s(sharedValidation));
        }

        private static double s(long nanos) {
            return nanos / 1e9;
        }
    }
}
