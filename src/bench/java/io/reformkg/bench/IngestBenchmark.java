package io.reformkg.bench;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.graph.GraphBuilder;
import io.reformkg.reference.ReferenceData;
import io.reformkg.source.ParsedList;
import io.reformkg.source.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
 * JMH: the source parser and the graph builder on synthetic corpora of the real format
 * (see {@link CorpusGenerator}). Run through {@code bench/run-benchmarks.sh}, which writes
 * docs/benchmarks.md; the figures are per whole corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IngestBenchmark {
    @Param({"1000", "10000"})
    int measures;

    private Path data;
    private ReferenceData reference;

    @Setup(Level.Trial)
    public void generateCorpus() throws IOException {
        data = Files.createTempDirectory("reform-kg-jmh");
        CorpusGenerator.create().measures(measures).seed(42).build().writeTo(data);
        reference = ReferenceData.load(data);
    }

    @TearDown(Level.Trial)
    public void deleteCorpus() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Source text to measure records, list by list. Returns the measures read. */
    @Benchmark
    public long parse() {
        long count = 0;
        for (ParsedList list : SourceSet.open(data, reference)) {
            count += list.measures().count();
        }
        return count;
    }

    /** Parse plus graph building (ontology, reference data and every list graph). Returns the triples built. */
    @Benchmark
    public long buildGraph() {
        AtomicLong triples = new AtomicLong();
        GraphBuilder.create().reference(reference).sources(SourceSet.open(data, reference))
                .buildInto((graphIri, graph) -> triples.addAndGet(graph.size()));
        return triples.get();
    }
}
