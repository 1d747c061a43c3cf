package io.reformkg.store;

import io.reformkg.error.ReformKgException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A served graph that follows its data folder. The folder is polled; once a change has settled
 * (two polls see the same files), a complete new {@link GraphStore} is built beside the served
 * one — the same pipeline, validation included — and only then swapped in. Requests already
 * running keep the store they started with, which is closed after a grace period. A rebuild
 * that fails (a bad source, a SHACL violation) leaves the served graph as it was; why it failed
 * is logged and kept in {@link #failedRebuild()} until a later rebuild succeeds. A failed
 * version is not retried until the folder changes again.
 */
public final class LiveStore implements CurrentStore {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStore.class);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);

    private final GraphStore.Builder stores;
    private final Duration grace;
    private final ScheduledExecutorService scheduler;
    private final List<GraphStore> retiring = new ArrayList<>();
    private volatile GraphStore current;
    private volatile FailedRebuild failed;
    private List<String> builtFromFiles;
    private List<String> previousPoll;

    private LiveStore(Builder builder) {
        this.stores = builder.stores;
        this.grace = builder.grace;
        // listed before the build, so a change made while it runs is seen at the first poll
        GraphStore.requireDataFolder(stores.dataFolder());
        this.builtFromFiles = listFiles(stores.dataFolder());
        this.previousPoll = builtFromFiles;
        this.current = stores.build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reform-kg-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        long poll = builder.pollInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private GraphStore.Builder stores;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration grace = DEFAULT_GRACE;

        private Builder() {
        }

        /** How each store is built (data folder, IRIs, TDB2 folder); it is built again on every change. */
        public Builder stores(GraphStore.Builder builder) {
            this.stores = Objects.requireNonNull(builder);
            return this;
        }

        /** How often the data folder is checked for changes. Default 2 s. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "poll interval");
            return this;
        }

        /**
         * How long a replaced store stays open for the requests still reading it; longer than
         * the query timeout. Default 60 s.
         */
        public Builder grace(Duration period) {
            this.grace = positive(period, "grace period");
            return this;
        }

        /** Builds the first store (failing as {@link GraphStore.Builder#build()} does), then follows the folder. */
        public LiveStore build() {
            Objects.requireNonNull(stores, "stores");
            return new LiveStore(this);
        }

        private static Duration positive(Duration duration, String what) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive; found " + duration);
            }
            return duration;
        }
    }

    @Override
    public GraphStore get() {
        return current;
    }

    @Override
    public Optional<FailedRebuild> failedRebuild() {
        return Optional.ofNullable(failed);
    }

    private void poll() {
        try {
            List<String> files = listFiles(stores.dataFolder());
            boolean settled = files.equals(previousPoll);
            previousPoll = files;
            if (settled && !files.equals(builtFromFiles)) {
                builtFromFiles = files;
                rebuildIfChanged();
            }
        } catch (RuntimeException | Error e) {
            // the served store is untouched; keep following the folder
            LOG.error("checking the data folder {} for changes failed", stores.dataFolder(), e);
        }
    }

    private void rebuildIfChanged() {
        String version = stores.inputVersion();
        if (version.equals(current.version())) {
            failed = null; // the folder is back to what is served: an earlier failure no longer applies
            return;
        }
        LOG.info("the data folder {} changed (data version {}); rebuilding", stores.dataFolder(), version);
        long started = System.nanoTime();
        GraphStore next;
        try {
            next = stores.build();
        } catch (RuntimeException e) {
            failed = new FailedRebuild(Instant.now(), version, reason(e));
            LOG.warn("rebuild of data version {} failed; still serving data version {}: {}", version,
                    current.version(), failed.reason());
            return;
        }
        GraphStore previous = current;
        current = next;
        failed = null;
        LOG.info("now serving data version {} (rebuilt in {} ms)", next.version(),
                (System.nanoTime() - started) / 1_000_000);
        retire(previous);
    }

    private void retire(GraphStore previous) {
        synchronized (retiring) {
            retiring.add(previous);
        }
        scheduler.schedule(() -> {
            synchronized (retiring) {
                if (retiring.remove(previous)) {
                    previous.close();
                }
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The message a user can act on, as the command line prints it for the same failure. */
    private static String reason(RuntimeException e) {
        boolean inputError = e instanceof ReformKgException || e instanceof IllegalArgumentException;
        return inputError ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Each file under the folder with its size and modification time: cheap to take, changes when a file does. */
    private static List<String> listFiles(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<String> files = new ArrayList<>();
            for (Path path : paths.sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    files.add(folder.relativize(path) + " " + attributes.size() + " " + attributes.lastModifiedTime());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the data folder " + folder, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (retiring) {
            retiring.forEach(GraphStore::close);
            retiring.clear();
        }
        current.close();
    }
}
