package io.reformkg.store;

import io.reformkg.build.BatchedBuild;
import io.reformkg.graph.IriScheme;
import io.reformkg.search.KeywordRanking;
import io.reformkg.search.MeasureIndex;
import io.reformkg.search.SearchIndex;
import io.reformkg.validation.ValidationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The entry point of the store stage: one built dataset with its text and measure indexes,
 * read-only. It lives in memory, or in a TDB2 folder (loaded with TDB2's bulk loader, holding its
 * indexes) that is reused while the inputs' {@link DataVersion} is unchanged. What goes in is
 * made by the pipeline, {@link BatchedBuild}; a graph that violates the shapes is never stored.
 * <pre>{@code
 * try (GraphStore store = GraphStore.create().data(Path.of("data")).tdb2(Path.of("store")).build()) {
 *     Dataset dataset = store.dataset();   // the asserted and inferred named graphs
 *     ...
 * }
 * }</pre>
 */
public final class GraphStore implements CurrentStore {
    private final Dataset dataset;
    private final MeasureIndex facts;
    private final KeywordRanking ranking;
    private final IriScheme iris;
    private final ValidationResult validation;
    private final String version;
    private final boolean rebuilt;
    /** The TDB2 store's own folder; none in memory. */
    private final Optional<Path> storeFolder;
    /** What closing leaves to do once the dataset is released: a replaced TDB2 store's folder is removed. */
    private final Runnable afterClose;

    private GraphStore(Served served, IriScheme iris, ValidationResult validation, String version, boolean rebuilt,
            Optional<Path> storeFolder, Runnable afterClose) {
        this.dataset = served.dataset();
        this.facts = served.facts();
        this.ranking = KeywordRanking.of(dataset);
        this.iris = iris;
        this.validation = validation;
        this.version = version;
        this.rebuilt = rebuilt;
        this.storeFolder = storeFolder;
        this.afterClose = afterClose;
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private Path data = Path.of("data");
        private IriScheme iris = IriScheme.defaults();
        private Path tdb2;
        private Path textIndex;
        private Path cache;
        private boolean logBuildTimes = true;

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

        /**
         * Keeps the full-text index of a graph held in memory on disk, in this folder; by default
         * the index is in memory too. A TDB2 store keeps its index inside its own folder.
         */
        public Builder textIndex(Path dir) {
            this.textIndex = dir;
            return this;
        }

        /**
         * Keeps a graph built in memory in {@code dir} between starts (see {@link GraphCache}):
         * reused while the data version and the program are unchanged, built again otherwise, and
         * whenever the folder cannot be read or written. No effect on a TDB2 store, which is kept
         * in its own folder. Default: none, every build in memory starts from the data folder.
         */
        public Builder cache(Path dir) {
            this.cache = dir;
            return this;
        }

        /**
         * Builds without logging where the build's time went, for commands whose output is an
         * answer rather than a build ({@code query}, {@code export}).
         */
        public Builder quietly() {
            this.logBuildTimes = false;
            return this;
        }

        public GraphStore build() {
            requireDataFolder(data);
            return tdb2 == null ? buildInMemory(inputVersion()) : openTdb2();
        }

        Path dataFolder() {
            return data;
        }

        /**
         * The {@link DataVersion} a store built now would have; with a TDB2 folder, recorded there
         * so that unchanged data files are not read again.
         */
        String inputVersion() {
            return tdb2 == null ? DataVersion.of(data, iris.base())
                    : DataVersion.of(data, iris.base(), new Tdb2Location(tdb2).versionRecord());
        }

        private GraphStore buildInMemory(String version) {
            GraphCache kept = cache == null ? null : new GraphCache(cache, GraphCache.programStamp());
            if (kept != null) {
                Optional<GraphCache.Snapshot> snapshot = kept.read(version);
                if (snapshot.isPresent()) {
                    return new GraphStore(new Served(snapshot.get().dataset(), snapshot.get().facts()), iris,
                            snapshot.get().findings(), version, false, Optional.empty(), () -> { });
                }
            }
            Dataset dataset = DatasetFactory.createTxnMem();
            BatchedBuild build = new BatchedBuild(data, iris);
            SearchIndex.Writer text = SearchIndex.create().directory(textIndex).writer();
            MeasureIndex.Writer facts = MeasureIndex.create().writer();
            ValidationResult validation;
            try {
                Txn.executeWrite(dataset, () -> build.streamInto(StreamRDFLib.dataset(dataset.asDatasetGraph()), text,
                        facts));
                validation = build.finish(dataset);
            } catch (RuntimeException e) {
                text.close();
                facts.close();
                throw e;
            }
            if (logBuildTimes) {
                build.logTimes(0);
            }
            Dataset served = text.wrap(dataset);
            MeasureIndex index = facts.finish();
            if (kept != null) {
                kept.write(version, dataset, text, index, validation);
            }
            return new GraphStore(new Served(served, index), iris, validation, version, true, Optional.empty(), () -> { });
        }

        private GraphStore openTdb2() {
            Tdb2Location location = new Tdb2Location(tdb2);
            location.requireFolder();
            location.lock();
            String version = inputVersion();
            Optional<Path> current = location.current(version);
            if (current.isPresent()) {
                return new GraphStore(served(location, current.get()), iris,
                        Tdb2Location.readFindings(current.get()), version, false, current,
                        () -> location.retire(current.get()));
            }
            Path building = location.startBuild();
            ValidationResult validation;
            try {
                Dataset dataset = Tdb2Location.connect(building);
                try {
                    validation = buildTdb2(dataset, building);
                } finally {
                    Tdb2Location.release(dataset.asDatasetGraph());
                }
            } catch (RuntimeException | InternalError failure) {
                // InternalError: how the JVM reports a write to a mapped index file that the disk cannot hold
                Optional<StoreFolderException> storageFault = location.abandon(building, failure);
                if (storageFault.isPresent()) {
                    throw storageFault.get();
                }
                throw failure;
            }
            Path store = location.commit(building, version);
            return new GraphStore(served(location, store), iris, validation, version, true, Optional.of(store),
                    () -> location.retire(store));
        }

        /**
         * Streams the batches into the empty store through TDB2's bulk loader, and their text into
         * the index inside the store's folder.
         */
        private ValidationResult buildTdb2(Dataset dataset, Path building) {
            BatchedBuild build = new BatchedBuild(data, iris);
            try (SearchIndex.Writer text = SearchIndex.create().directory(Tdb2Location.textIndex(building)).writer();
                 MeasureIndex.Writer facts = MeasureIndex.create().directory(Tdb2Location.measureIndex(building)).writer()) {
                // the parallel loader builds the indexes on its own threads while the batches are
                // inferred and validated: the fastest of Jena's loaders here (docs/benchmarks.md)
                DataLoader loader = LoaderFactory.parallelLoader(dataset.asDatasetGraph(), (format, args) -> { });
                loader.startBulk();
                try {
                    build.streamInto(loader.stream(), text, facts);
                } catch (RuntimeException e) {
                    loader.finishException(e);
                    throw e;
                }
                long start = System.nanoTime();
                loader.finishBulk();
                long load = System.nanoTime() - start;
                ValidationResult validation = build.finish(dataset);
                text.commit();
                facts.commit();
                Tdb2Location.writeFindings(building, validation);
                if (logBuildTimes) {
                    build.logTimes(load);
                }
                return validation;
            }
        }

        /** A complete store as served: with the text and measure indexes built with it. */
        private static Served served(Tdb2Location location, Path store) {
            Dataset dataset = SearchIndex.create().directory(Tdb2Location.textIndex(store)).open(location.open(store));
            try {
                return new Served(dataset, MeasureIndex.create().directory(Tdb2Location.measureIndex(store)).open());
            } catch (RuntimeException e) {
                release(dataset);
                throw e;
            }
        }
    }

    /** The dataset (wrapped with its text index) and the measure index built with it. */
    private record Served(Dataset dataset, MeasureIndex facts) {
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

    /** Every measure's facts in list order: the queries whose header names a {@code measure-index}. */
    public MeasureIndex measureIndex() {
        return facts;
    }

    /** The measures matching a keyword, ranked from the text index: the query {@code keyword-search-text}. */
    public KeywordRanking keywordRanking() {
        return ranking;
    }

    @Override
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

    /**
     * Where answers computed from this store may be kept across restarts: a folder inside the
     * TDB2 store's own, removed with it; none for a store in memory.
     */
    public Optional<Path> answersFolder() {
        return storeFolder.map(Tdb2Location::answers);
    }

    /**
     * False when a TDB2 store, or a graph kept in a cache ({@link Builder#cache}), built earlier
     * from the same inputs was reused instead of built.
     */
    public boolean wasRebuilt() {
        return rebuilt;
    }

    @Override
    public void close() {
        ranking.close();
        facts.close();
        release(dataset);
        afterClose.run();
    }

    private static void release(Dataset dataset) {
        // a TDB2 store stays open in its process until expelled: close its text index, then release
        // its files, so the folder can be reopened (without a second text index on its transactions)
        // or replaced
        if (dataset.asDatasetGraph() instanceof DatasetGraphText text && TDBInternal.isTDB2(text.getBase())) {
            text.getTextIndex().close();
            Tdb2Location.release(text.getBase());
        } else {
            dataset.close();
        }
    }
}
