package io.reformkg.cli;

import io.reformkg.graph.Ontology;
import io.reformkg.graph.OntologyDocs;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ontology-docs", mixinStandardHelpOptions = true,
        description = "Write the ontology as Markdown: every class and property with its labels, definition, "
                + "domain, range, mappings to standard terms and an example from the built graph.")
final class OntologyDocsCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/ontology.md",
            description = "File to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String markdown;
        try (GraphStore store = dataOptions.store().build()) {
            markdown = OntologyDocs.markdown(Ontology.load(), store.dataset(), store.iris());
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out);
        stdout.flush();
        return 0;
    }
}
