package io.reformkg.cli;

import io.reformkg.explorer.Explorer;
import io.reformkg.http.Admission;
import io.reformkg.http.Durations;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.api.QueryApi;
import io.reformkg.server.ReformServer;
import io.reformkg.store.GraphStore;
import io.reformkg.store.LiveStore;
import io.reformkg.store.OpeningStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the graph (or reuse a TDB2 store) and serve it read-only: SPARQL at /kg/sparql, "
                + "the Graph Store Protocol at /kg/data, linked-data pages for every IRI, the query API at /api/queries and "
                + "the explorer at /. Stops on Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions dataOptions;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ReformServer.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ReformServer.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; serving beyond this machine is a "
                    + "deliberate choice).")
    String host;

    @Option(names = "--tdb2", paramLabel = "DIR",
            description = "Keep the graph in a TDB2 store in DIR: built on first start, reused after, rebuilt when "
                    + "the data changes (default: in memory, built at start or read back from --cache).")
    Path tdb2;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "In memory: keep the built graph in DIR between starts, reused while the data and the "
                    + "program are unchanged, built again otherwise (default: $XDG_CACHE_HOME/reform-kg, else "
                    + "~/.cache/reform-kg).")
    Path cache;

    @Option(names = "--no-cache", description = "In memory: build the graph from the data folder at every start and "
            + "keep nothing (default: off).")
    boolean noCache;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest a query may run before it is cancelled, e.g. 10s, 500ms, 2m; a bare number is "
                    + "seconds (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--query-memory", paramLabel = "SIZE", defaultValue = "none", converter = SizeConverter.class,
            description = "Memory one SPARQL query may allocate, garbage included, before it is cancelled with 503, "
                    + "e.g. 512m, 2g, or none (default: ${DEFAULT-VALUE}). Whatever this says, when the heap holds "
                    + "more than " + (int) (ReformServer.DEFAULT_HEAP_GUARD * 100) + "% of its maximum the running query that has allocated the most is cancelled "
                    + "with 503; size the heap with java -Xmx.")
    OptionalLong queryMemory;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "4",
            description = "Queries computed at once, all clients together (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "32",
            description = "Queries waiting for a turn, all clients together; beyond it 503 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--client-queries", paramLabel = "N", defaultValue = "2",
            description = "Queries one client (address) computes at once (default: ${DEFAULT-VALUE}).")
    int clientQueries;

    @Option(names = "--client-queue", paramLabel = "N", defaultValue = "8",
            description = "Queries one client may have waiting besides; beyond it 429 (default: ${DEFAULT-VALUE}).")
    int clientQueue;

    @Option(names = "--client-time", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Query time one client may use per minute; beyond it 429 until it refills "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration clientTime;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "Address of a reverse proxy in front of the server (repeat, or separate by commas): only "
                    + "from these is X-Forwarded-For read to tell clients apart (default: none).")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--watch", description = "Follow the data folder while serving: when it changes, build the new "
            + "graph beside the served one and switch to it once it is complete and valid. A failed rebuild leaves the "
            + "served graph as it was and is reported in the log and at /$/status (default: off).")
    boolean watch;

    @Option(names = "--check", description = "Start, ask one question of each surface (SPARQL endpoint, query API, "
            + "linked data, explorer) over HTTP, print what answered, and stop: status 0 when every surface answered, "
            + "1 otherwise. Combine with --port 0 beside a running server (default: off).")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (cache != null && (tdb2 != null || noCache)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cache keeps a graph built in memory; "
                    + (tdb2 != null ? "with --tdb2 the store's own folder keeps it" : "--no-cache keeps none")
                    + ": give one of the two");
        }
        GraphStore.Builder storeBuilder = dataOptions.store();
        if (tdb2 != null) {
            storeBuilder.tdb2(tdb2);
        } else if (!noCache) {
            storeBuilder.cache(cacheFolder());
        }
        OpeningStore live = OpeningStore.start(dataOptions.iris(), () -> watch
                ? LiveStore.create().stores(storeBuilder).grace(graceFor(timeout)).build()
                : storeBuilder.build());
        // the server is put together while the store opens
        ReformServer server = start(live);
        GraphStore store = live.get();
        store.validation().warnings().forEach(warning -> out.println("warning: " + warning.message()));
        // no triple count here: counting means reading the whole store, minutes at a national scale
        out.printf("Reform KG: data version %s%s, serving read-only; query timeout %s%n", store.version(),
                tdb2 == null ? inMemory(store) : store.wasRebuilt() ? ", TDB2 store built in " + tdb2
                        : ", TDB2 store reused from " + tdb2, Durations.text(timeout));
        server.urls().forEach((name, url) -> out.printf("  %-20s %s%n", name + ":", url));
        if (watch) {
            out.printf("Following %s: a change is rebuilt and served once complete (checked every %s)%n",
                    dataOptions.data, Durations.text(LiveStore.DEFAULT_POLL_INTERVAL));
        }
        out.flush();
        if (check) {
            try {
                return new ServeCheck(server, QueryCatalog.load(), timeout).run(out) ? 0 : 1;
            } finally {
                server.stop();
                live.close();
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            live.close();
            stopped.countDown();
        }, "reform-kg-shutdown"));
        stopped.await();
        return 0;
    }

    private String inMemory(GraphStore store) {
        return noCache ? ", in memory, built from " + dataOptions.data
                : store.wasRebuilt() ? ", in memory, built from " + dataOptions.data + " (cache " + cacheFolder() + ")"
                : ", in memory, the graph kept in " + cacheFolder() + " reused";
    }

    /** The folder given, or the user's cache folder as the XDG base directories define it. */
    private Path cacheFolder() {
        if (cache != null) {
            return cache;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("reform-kg");
    }

    /** Starts serving once the store is open; on failure nothing stays open. */
    private ReformServer start(OpeningStore live) {
        try {
            QueryApi.Mount queryApi = QueryApi.mount(live, timeout);
            ReformServer.Builder builder = ReformServer.create().store(live).host(host).port(port).timeout(timeout);
            queryMemory.ifPresent(builder::queryMemoryBytes);
            ReformServer built = builder
                    .admission(Admission.create().running(queries).waiting(queue).clientRunning(clientQueries)
                            .clientWaiting(clientQueue).clientTime(clientTime).trustedProxies(trustedProxies).build())
                    .mount(queryApi.servlets())
                    .afterFirstAnswer("query-catalog", queryApi.readCatalog())
                    .mount(Explorer.servlets(live))
                    .build();
            live.awaitOpen();
            return built.start();
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
    }

    /** A replaced graph stays open until every query that may still read it has timed out. */
    private static Duration graceFor(Duration timeout) {
        Duration twice = timeout.multipliedBy(2);
        return twice.compareTo(LiveStore.DEFAULT_GRACE) > 0 ? twice : LiveStore.DEFAULT_GRACE;
    }

    /** Reads a number of bytes, with {@code k}, {@code m} or {@code g} for KiB, MiB, GiB, or {@code none}. */
    static final class SizeConverter implements CommandLine.ITypeConverter<OptionalLong> {
        @Override
        public OptionalLong convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.equals("none")) {
                return OptionalLong.empty();
            }
            int shift = text.endsWith("k") ? 10 : text.endsWith("m") ? 20 : text.endsWith("g") ? 30 : 0;
            try {
                long number = Long.parseLong(shift == 0 ? text : text.substring(0, text.length() - 1));
                if (number <= 0 || number > Long.MAX_VALUE >> shift) {
                    throw new CommandLine.TypeConversionException("the size must be positive: " + value);
                }
                return OptionalLong.of(number << shift);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a size; write e.g. 256m, 1g, a number of bytes or none");
            }
        }
    }

    /** Reads {@code 10s}, {@code 500ms}, {@code 2m}, or a bare number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                Duration duration;
                if (text.endsWith("ms")) {
                    duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                } else if (text.endsWith("s")) {
                    duration = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
                } else if (text.endsWith("m")) {
                    duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)) * 60);
                } else {
                    duration = Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
                }
                if (duration.isNegative() || duration.isZero()) {
                    throw new CommandLine.TypeConversionException("the timeout must be positive: " + value);
                }
                return duration;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a duration; write e.g. 10s, 500ms, 2m or a number of seconds");
            }
        }
    }
}
