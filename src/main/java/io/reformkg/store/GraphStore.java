package io.reformkg.store;

import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.search.SearchIndex;
import io.reformkg.source.SourceSet;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.jena.query.Dataset;

/**
 * The entry point of the store stage: runs the pipeline (reference data and sources → graph →
 * inference → SHACL validation of the union, inferred graph included → full-text index) and
 * holds the resulting dataset, read-only from then on. Build one with
 * {@link #create()}; a graph that violates the shapes is never stored.
 */
public final class GraphStore implements AutoCloseable {
    private final Dataset dataset;
    private final IriScheme iris;
    private final ValidationResult validation;
    private final String version;

    private GraphStore(Dataset dataset, IriScheme iris, ValidationResult validation, String version) {
        this.dataset = dataset;
        this.iris = iris;
        this.validation = validation;
        this.version = version;
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private Path data = Path.of("data");
        private IriScheme iris = IriScheme.defaults();
        private Path textIndex;

        private Builder() {
        }

        /** The data folder: {@code sources/} and {@code reference/}. Default {@code ./data}. */
        public Builder data(Path dir) {
            this.data = Objects.requireNonNull(dir);
            return this;
        }

        public Builder iris(IriScheme scheme) {
            this.iris = Objects.requireNonNull(scheme);
            return this;
        }

        /** Keeps the full-text index on disk in this folder; by default it is in memory. */
        public Builder textIndex(Path dir) {
            this.textIndex = dir;
            return this;
        }

        public GraphStore build() {
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException("the data folder " + data.toAbsolutePath()
                        + " does not exist; expected a folder with sources/ and reference/ (see README)");
            }
            String version = DataVersion.of(data, iris.base());
            ReferenceData reference = ReferenceData.load(data);
            SourceSet sources = SourceSet.open(data, reference);
            Dataset dataset = GraphBuilder.create().iris(iris).reference(reference).sources(sources).build();
            Inference.materialise(dataset, iris);
            ValidationResult validation = Validator.withDefaultShapes().validate(dataset);
            if (!validation.conforms()) {
                throw new BuildFailedException(validation.violations());
            }
            return new GraphStore(withTextIndex(dataset), iris, validation, version);
        }

        /** The dataset as served: wrapped with the Chinese full-text index of its measures. */
        private Dataset withTextIndex(Dataset dataset) {
            return SearchIndex.create().directory(textIndex).build(dataset);
        }
    }

    public Dataset dataset() {
        return dataset;
    }

    public IriScheme iris() {
        return iris;
    }

    /** The SHACL findings of the build: warnings only, since violations stop it. */
    public ValidationResult validation() {
        return validation;
    }

    /** A short digest of the inputs; changes exactly when the built graph would. */
    public String version() {
        return version;
    }

    @Override
    public void close() {
        dataset.close();
    }
}
