package io.reformkg.bench;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.graph.Ontology;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.search.SearchIndex;
import io.reformkg.source.SourceSet;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.Reasoner;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.system.Txn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: what inference and the text index cost at build time, and what materialising buys at
 * query time — "which measures apply in 合肥" as one join over graph/inferred against the same
 * question under a live Jena OWL Micro reasoner over the asserted graphs. Corpora: the real list
 * ({@code real}) and a synthetic one of the real format ({@link CorpusGenerator}). The command
 * that runs it and the figures are in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class InferenceBenchmark {
    private static final String REAL = "real";
    private static final IriScheme IRIS = IriScheme.defaults();
    /** 合肥市, a member of the 合芜蚌 pilot region: every measure applies there. */
    private static final String PLACE = IRIS.division("3401");

    @Param({REAL, "10000"})
    String corpus;

    private Path data;
    private Path generated;
    private ReferenceData reference;
    private Model materialisedUnion;
    private Model assertedUnion;
    private InfModel warmReasoner;
    private Query materialisedQuery;
    private Query reasonerQuery;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        if (corpus.equals(REAL)) {
            data = Path.of("data");
        } else {
            generated = Files.createTempDirectory("reform-kg-jmh-inference");
            CorpusGenerator.create().measures(Long.parseLong(corpus)).seed(42).build().writeTo(generated);
            data = generated;
        }
        reference = ReferenceData.load(data);
        Dataset dataset = buildGraph();
        assertedUnion = Txn.calculateRead(dataset, () -> ModelFactory.createDefaultModel().add(dataset.getUnionModel()));
        Inference.materialise(dataset, IRIS);
        materialisedUnion = Txn.calculateRead(dataset, () -> ModelFactory.createDefaultModel().add(dataset.getUnionModel()));
        materialisedQuery = query("applies-in-place-materialised");
        reasonerQuery = query("applies-in-place-reasoner");
        warmReasoner = reasoner();
        long materialised = count(materialisedQuery, materialisedUnion);
        long reasoned = count(reasonerQuery, warmReasoner);
        if (materialised != reasoned || materialised == 0) {
            throw new IllegalStateException("the two ways disagree: materialised " + materialised + ", reasoner " + reasoned);
        }
    }

    @TearDown(Level.Trial)
    public void deleteCorpus() throws IOException {
        if (generated == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(generated)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Parse and build the asserted graphs only. */
    @Benchmark
    public Dataset build1Graph() {
        return buildGraph();
    }

    /** Asserted graphs plus materialised inference. */
    @Benchmark
    public Dataset build2GraphInference() {
        Dataset dataset = buildGraph();
        Inference.materialise(dataset, IRIS);
        return dataset;
    }

    /** Asserted graphs, inference and the Chinese full-text index (in memory). */
    @Benchmark
    public Dataset build3GraphInferenceIndex() {
        Dataset dataset = buildGraph();
        Inference.materialise(dataset, IRIS);
        return SearchIndex.create().build(dataset);
    }

    /** The whole store pipeline as the server runs it: the above plus SHACL validation of the union. */
    @Benchmark
    public long build4WholeStore() {
        try (GraphStore store = GraphStore.create().data(data).build()) {
            return store.validation().findings().size();
        }
    }

    /** "Which measures apply in 合肥" over the materialised inference: one join. */
    @Benchmark
    public long query1Materialised() {
        return count(materialisedQuery, materialisedUnion);
    }

    /** The same question on an OWL Micro inference model whose closure is already computed. */
    @Benchmark
    public long query2ReasonerWarm() {
        return count(reasonerQuery, warmReasoner);
    }

    /** The same question on a fresh OWL Micro inference model: what a live reasoner costs per change of data. */
    @Benchmark
    public long query3ReasonerCold() {
        return count(reasonerQuery, reasoner());
    }

    private Dataset buildGraph() {
        return GraphBuilder.create().iris(IRIS).reference(reference).sources(SourceSet.open(data, reference)).build();
    }

    private InfModel reasoner() {
        Reasoner owlMicro = ReasonerRegistry.getOWLMicroReasoner().bindSchema(Ontology.load());
        return ModelFactory.createInfModel(owlMicro, assertedUnion);
    }

    private static long count(Query query, Model model) {
        try (QueryExecution execution = QueryExecution.model(model).query(query).build()) {
            long rows = 0;
            for (var results = execution.execSelect(); results.hasNext(); results.next()) {
                rows++;
            }
            return rows;
        }
    }

    private static Query query(String name) {
        String resource = "io/reformkg/bench/" + name + ".rq";
        try (InputStream in = InferenceBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            ParameterizedSparqlString text = new ParameterizedSparqlString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            text.setIri("place", PLACE);
            return text.asQuery();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
