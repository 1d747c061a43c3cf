package io.reformkg.cli;

import io.reformkg.export.ExportFormat;
import io.reformkg.export.Exporter;
import io.reformkg.store.GraphStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Build the graph and write it for other tools: RDF dumps, CSV tables, the body co-guidance "
                + "network as GraphML and GEXF (Gephi, networkx), and a JSON document of measures and bodies.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Option(names = "--format", paramLabel = "F", defaultValue = ExportFormat.ALL,
            description = "What to write, one or several separated by commas: trig, nq, jsonld, ttl, nt, rdf, "
                    + "csv, graphml, gexf, json, or all (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/export",
            description = "Folder to write to (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Exporter exporter = Exporter.create().formats(ExportFormat.parse(format)).out(out).build();
        try (GraphStore store = dataOptions.store().build()) {
            store.validation().warnings().forEach(warning -> stdout.println("warning: " + warning.message()));
            for (Path file : exporter.write(store)) {
                stdout.println("wrote " + file);
            }
        }
        stdout.flush();
        return 0;
    }
}
