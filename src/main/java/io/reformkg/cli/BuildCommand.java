package io.reformkg.cli;

import io.reformkg.export.RdfExporter;
import io.reformkg.store.GraphStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the graph from the data folder, validate it, and write it as TriG, N-Quads, "
                + "JSON-LD, Turtle, N-Triples and RDF/XML.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/graph",
            description = "Folder to write the graph files to (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try (GraphStore store = dataOptions.store().build()) {
            store.validation().warnings().forEach(warning -> stdout.println("warning: " + warning.message()));
            for (Path file : RdfExporter.writeAll(store.dataset(), out)) {
                stdout.println("wrote " + file);
            }
        }
        stdout.flush();
        return 0;
    }
}
