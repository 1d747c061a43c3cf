package io.reformkg.cli;

import io.reformkg.graph.IriScheme;
import io.reformkg.store.GraphStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that builds the graph shares. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data folder with sources/ and reference/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriScheme.DEFAULT_BASE,
            description = "Base of the data's IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    GraphStore.Builder store() {
        return GraphStore.create().data(data).iris(iris());
    }

    IriScheme iris() {
        return new IriScheme(base);
    }
}
