package io.reformkg.store;

import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.graph.Prefixes;
import io.reformkg.inference.Inference;
import io.reformkg.reference.ReferenceData;
import io.reformkg.search.SearchIndex;
import io.reformkg.source.SourceSet;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The entry point of the store stage: runs the pipeline (reference data and sources → graph →
 * inference → SHACL validation of the union, inferred graph included → full-text index) and
 * holds the resulting dataset, read-only from then on. Build one with {@link #create()}; a graph
 * that violates the shapes is never stored. The dataset lives in memory, or in a TDB2 folder
 * that is reused while the inputs are unchanged.
 */
public final class GraphStore implements CurrentStore {
    private final Dataset dataset;
    private final IriScheme iris;
    private final ValidationResult validation;
    private final String version;
    private final boolean rebuilt;

    private GraphStore(Dataset dataset, IriScheme iris, ValidationResult validation, String version, boolean rebuilt) {
        this.dataset = dataset;
        this.iris = iris;
        this.validation = validation;
        this.version = version;
        this.rebuilt = rebuilt;
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private Path data = Path.of("data");
        private IriScheme iris = IriScheme.defaults();
        private Path tdb2;
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

        /**
         * Keeps the graph in a TDB2 database under {@code dir}: built on first use, reused while
         * the inputs' {@link DataVersion} is unchanged, rebuilt when it changes. Default: in memory.
         */
        public Builder tdb2(Path dir) {
            this.tdb2 = Objects.requireNonNull(dir);
            return this;
        }

        /** Keeps the full-text index on disk in this folder; by default it is in memory. */
        public Builder textIndex(Path dir) {
            this.textIndex = dir;
            return this;
        }

        public GraphStore build() {
            requireDataFolder(data);
            String version = inputVersion();
            return tdb2 == null ? buildInMemory(version) : openTdb2(version);
        }

        Path dataFolder() {
            return data;
        }

        /** The {@link DataVersion} a store built now would have. */
        String inputVersion() {
            return DataVersion.of(data, iris.base());
        }

        private GraphStore buildInMemory(String version) {
            Dataset dataset = DatasetFactory.createTxnMem();
            ValidationResult validation = runPipeline(dataset);
            return new GraphStore(withTextIndex(dataset), iris, validation, version, true);
        }

        private GraphStore openTdb2(String version) {
            Tdb2Location location = new Tdb2Location(tdb2);
            location.requireFolder();
            Optional<Path> current = location.current(version);
            if (current.isPresent()) {
                return new GraphStore(withTextIndex(location.open(current.get())), iris,
                        Tdb2Location.readFindings(current.get()), version, false);
            }
            Path building = location.startBuild();
            ValidationResult validation;
            try {
                validation = buildStore(building);
            } catch (RuntimeException | InternalError failure) {
                // InternalError: how the JVM reports a write to a mapped index file that the disk cannot hold
                Optional<StoreFolderException> storageFault = location.abandon(building, failure);
                if (storageFault.isPresent()) {
                    throw storageFault.get();
                }
                throw failure;
            }
            Path store = location.commit(building, version);
            return new GraphStore(withTextIndex(location.open(store)), iris, validation, version, true);
        }

        private ValidationResult buildStore(Path building) {
            Dataset dataset = Tdb2Location.connect(building);
            try {
                ValidationResult validation = runPipeline(dataset);
                Tdb2Location.writeFindings(building, validation);
                return validation;
            } finally {
                Tdb2Location.release(dataset);
            }
        }

        /**
         * The dataset as served: wrapped with the Chinese full-text index of its measures, built
         * afresh from what the dataset holds (in memory unless {@link #textIndex(Path)} is given).
         */
        private Dataset withTextIndex(Dataset dataset) {
            return SearchIndex.create().directory(textIndex).build(dataset);
        }

        /** The build pipeline, one method per step, run into an empty dataset. */
        private ValidationResult runPipeline(Dataset dataset) {
            loadGraphs(dataset);
            Inference.materialise(dataset, iris);
            return validate(dataset);
        }

        private void loadGraphs(Dataset dataset) {
            ReferenceData reference = ReferenceData.load(data);
            SourceSet sources = SourceSet.open(data, reference);
            Txn.executeWrite(dataset, () -> {
                dataset.getPrefixMapping().setNsPrefixes(Prefixes.ALL);
                GraphBuilder.create().iris(iris).reference(reference).sources(sources)
                        .buildInto(dataset::addNamedModel);
            });
        }

        private static ValidationResult validate(Dataset dataset) {
            ValidationResult validation = Validator.withDefaultShapes().validate(dataset);
            if (!validation.conforms()) {
                throw new BuildFailedException(validation.violations());
            }
            return validation;
        }
    }

    /** Fails with a message a user can act on when {@code data} is not a folder. */
    public static void requireDataFolder(Path data) {
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("the data folder " + data.toAbsolutePath()
                    + " does not exist; expected a folder with sources/ and reference/ (see README)");
        }
    }

    /** A store on its own never changes: it is always the current one. */
    @Override
    public GraphStore get() {
        return this;
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

    /** False when a TDB2 store built earlier from the same inputs was reused instead of built. */
    public boolean wasRebuilt() {
        return rebuilt;
    }

    @Override
    public void close() {
        if (TDBInternal.isTDB2(dataset.asDatasetGraph())) {
            Tdb2Location.release(dataset);
        } else {
            dataset.close();
        }
    }
}
