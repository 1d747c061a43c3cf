package io.reformkg.bench;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.search.SearchIndex;
import io.reformkg.source.SourceSet;
import io.reformkg.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;

/**
 * The store pipeline timed stage by stage inside each build — graph, inference, SHACL validation,
 * text index — so the share of inference and index is measured within one run even on a busy
 * machine where whole-build figures of separate JMH forks drift. Arguments: corpus sizes
 * ({@code real} for the project's list, or a number of synthetic measures), e.g.
 * {@code real 10000}. See docs/benchmarks.md.
 */
public final class InferenceStageTimes {
    private static final int WARMUP = 2;
    private static final int RUNS = 5;
    private static final String[] STAGES = {"graph", "inference", "validation", "index"};

    private InferenceStageTimes() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("| corpus | triples asserted | triples inferred | " + String.join(" ms | ", STAGES)
                + " ms | total ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String corpus : args) {
            Path data = corpus.equals("real") ? Path.of("data") : generate(Long.parseLong(corpus));
            ReferenceData reference = ReferenceData.load(data);
            List<long[]> runs = new ArrayList<>();
            long[] sizes = new long[2];
            for (int run = 0; run < WARMUP + RUNS; run++) {
                long[] times = new long[STAGES.length];
                long start = System.nanoTime();
                Dataset dataset = GraphBuilder.create().reference(reference).sources(SourceSet.open(data, reference)).build();
                times[0] = lap(start);
                sizes[0] = triples(dataset);
                start = System.nanoTime();
                sizes[1] = Inference.materialise(dataset, IriScheme.defaults());
                times[1] = lap(start);
                start = System.nanoTime();
                if (!Validator.withDefaultShapes().validate(dataset).conforms()) {
                    throw new IllegalStateException("the " + corpus + " corpus violates the shapes");
                }
                times[2] = lap(start);
                start = System.nanoTime();
                SearchIndex.create().build(dataset).close();
                times[3] = lap(start);
                if (run >= WARMUP) {
                    runs.add(times);
                }
            }
            StringBuilder row = new StringBuilder("| " + corpus + " | " + sizes[0] + " | " + sizes[1] + " |");
            long total = 0;
            for (int stage = 0; stage < STAGES.length; stage++) {
                long median = median(runs, stage);
                total += median;
                row.append(' ').append(median).append(" |");
            }
            System.out.println(row.append(' ').append(total).append(" |"));
            if (!corpus.equals("real")) {
                delete(data);
            }
        }
    }

    private static long triples(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            long count = 0;
            for (var names = dataset.listModelNames(); names.hasNext(); ) {
                count += dataset.getNamedModel(names.next()).size();
            }
            return count;
        });
    }

    private static long lap(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<long[]> runs, int stage) {
        long[] values = runs.stream().mapToLong(times -> times[stage]).toArray();
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Path generate(long measures) throws IOException {
        Path dir = Files.createTempDirectory("reform-kg-stage-times");
        CorpusGenerator.create().measures(measures).seed(42).build().writeTo(dir);
        return dir;
    }
}
