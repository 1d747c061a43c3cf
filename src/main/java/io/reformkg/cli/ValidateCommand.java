package io.reformkg.cli;

import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.source.SourceSet;
import io.reformkg.store.GraphStore;
import io.reformkg.validation.Finding;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Build the graph and print its SHACL report: violations (which fail a build) and warnings.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        GraphStore.requireDataFolder(dataOptions.data);
        ReferenceData reference = ReferenceData.load(dataOptions.data);
        SourceSet sources = SourceSet.open(dataOptions.data, reference);
        IriScheme iris = dataOptions.iris();
        Dataset dataset = GraphBuilder.create().iris(iris).reference(reference).sources(sources).build();
        Inference.materialise(dataset, iris);
        ValidationResult result = Validator.withDefaultShapes().validate(dataset);
        for (Finding finding : result.findings()) {
            stdout.println(finding);
        }
        stdout.printf("%s: %d violation(s), %d warning(s)%n", result.conforms() ? "conforms" : "does not conform",
                result.violations().size(), result.warnings().size());
        stdout.flush();
        return result.conforms() ? 0 : Main.INPUT_ERROR;
    }
}
