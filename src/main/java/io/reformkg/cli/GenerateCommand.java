package io.reformkg.cli;

import io.reformkg.corpus.CorpusGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic data folder in the real source format (for scale tests and benchmarks). "
                + "The same seed gives the same files.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--measures", paramLabel = "N", required = true, description = "Number of measures.")
    long measures;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--per-list", paramLabel = "N", defaultValue = "5000",
            description = "Measures per list file (default: ${DEFAULT-VALUE}).")
    int perList;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data folder whose reference/ the corpus reuses (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the corpus to.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int lists = CorpusGenerator.create().referenceFrom(data).measures(measures).seed(seed)
                .measuresPerList(perList).build().writeTo(out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("wrote %d measures in %d list(s) to %s%n", measures, lists, out);
        stdout.flush();
        return 0;
    }
}
