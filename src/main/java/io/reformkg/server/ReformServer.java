package io.reformkg.server;

import io.reformkg.http.Admission;
import io.reformkg.http.MountedServlet;
import io.reformkg.linkeddata.LinkedData;
import io.reformkg.linkeddata.LinkedDataConfig;
import io.reformkg.store.CurrentStore;
import io.reformkg.store.GraphStore;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The entry point of the serving stage: an embedded Fuseki that serves a {@link GraphStore}
 * read-only — SPARQL query and Graph Store Protocol read at {@code /kg}, the linked-data pages
 * beside it, and whatever else is {@linkplain Builder#mount mounted}. Build one with
 * {@link #create()}, then {@link #start()}; see docs/serving.md.
 * <pre>{@code
 * ReformServer server = ReformServer.create()
 *         .store(GraphStore.create().data(Path.of("data")).build())
 *         .port(3030)
 *         .timeout(Duration.ofSeconds(10))
 *         .build()
 *         .start();
 * }</pre>
 */
public final class ReformServer {
    public static final int DEFAULT_PORT = 3030;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_RESULT_ROWS = 100_000;
    public static final long DEFAULT_RESPONSE_CACHE_BYTES = 64L * 1024 * 1024;
    public static final double DEFAULT_HEAP_GUARD = 0.85;
    static final String SPARQL_ENDPOINT = "sparql";
    static final String GRAPH_STORE_ENDPOINT = "data";

    private final FusekiServer fuseki;
    private final String host;
    private final String datasetPath;
    private final boolean explorerMounted;
    private final QueryMemory queryMemory;

    private ReformServer(Builder builder) {
        this.host = builder.host;
        this.datasetPath = builder.datasetPath;
        this.explorerMounted = builder.mounts.stream()
                .anyMatch(mounted -> mounted.pathSpec().isEmpty() || mounted.pathSpec().equals("/"));
        this.queryMemory = new QueryMemory(builder.queryMemoryBytes, builder.heapGuard);
        this.fuseki = fuseki(builder);
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private CurrentStore store;
        private int port = DEFAULT_PORT;
        private String host = DEFAULT_HOST;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String datasetPath = LinkedDataConfig.DEFAULT_DATASET_PATH;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxResultRows = DEFAULT_MAX_RESULT_ROWS;
        private long responseCacheBytes = DEFAULT_RESPONSE_CACHE_BYTES;
        private OptionalLong queryMemoryBytes = OptionalLong.empty();
        private double heapGuard = DEFAULT_HEAP_GUARD;
        private Admission admission = Admission.create().build();
        private boolean linkedData = true;
        private final List<MountedServlet> mounts = new ArrayList<>();
        private final Map<String, Runnable> afterFirstAnswer = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The graph to serve: a {@link GraphStore}, or a {@link io.reformkg.store.LiveStore} whose
         * rebuilds are served as they complete.
         */
        public Builder store(CurrentStore currentStore) {
            this.store = Objects.requireNonNull(currentStore);
            return this;
        }

        /** The TCP port; 0 picks a free one (see {@link ReformServer#port()}). Default 3030. */
        public Builder port(int tcpPort) {
            if (tcpPort < 0 || tcpPort > 65535) {
                throw new IllegalArgumentException("the port must be between 0 and 65535; found " + tcpPort);
            }
            this.port = tcpPort;
            return this;
        }

        /** The address to listen on. Default 127.0.0.1: serving beyond the machine is a deliberate choice. */
        public Builder host(String address) {
            this.host = Objects.requireNonNull(address);
            return this;
        }

        /** How long one query may run before it is cancelled with an error status. Default 10 s. */
        public Builder timeout(Duration queryTimeout) {
            if (queryTimeout.isNegative() || queryTimeout.isZero()) {
                throw new IllegalArgumentException("the query timeout must be positive; found " + queryTimeout);
            }
            this.timeout = queryTimeout;
            return this;
        }

        /** Where the dataset is served, one path segment such as {@code /kg} (the default). */
        public Builder datasetPath(String path) {
            this.datasetPath = LinkedDataConfig.create().datasetPath(path).build().datasetPath();
            return this;
        }

        /** Request bodies above this many bytes get 413. Default 1 MiB. */
        public Builder maxBodyBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("the request body cap must be positive; found " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** SELECT results above this many rows get 400 instead of a huge answer. Default 100 000. */
        public Builder maxResultRows(int rows) {
            if (rows <= 0) {
                throw new IllegalArgumentException("the result row cap must be positive; found " + rows);
            }
            this.maxResultRows = rows;
            return this;
        }

        /**
         * Memory for answers of the SPARQL endpoint kept for repeated GETs (one answer may take
         * up to a sixteenth); 0 keeps none. ETags and 304 work either way. Default 64 MiB.
         */
        public Builder responseCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the response cache size cannot be negative; found " + bytes);
            }
            this.responseCacheBytes = bytes;
            return this;
        }

        /**
         * Memory one SPARQL query may allocate, all it allocates, garbage included, before it is
         * cancelled with 503. Default none: the {@linkplain #heapGuard heap guard} watches what
         * queries hold, and this cap also stops queries that hold little but allocate much.
         */
        public Builder queryMemoryBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("the memory budget of a query must be positive; found " + bytes);
            }
            this.queryMemoryBytes = OptionalLong.of(bytes);
            return this;
        }

        /**
         * The share of the maximum heap (of its old generation, where what lives on is kept) the
         * server may hold while SPARQL queries run: past it, and still past it after a full
         * collection, the running query that has allocated the most is cancelled with 503, one
         * query a collection. Default 0.85.
         */
        public Builder heapGuard(double shareOfMax) {
            if (!(shareOfMax > 0 && shareOfMax <= 1)) {
                throw new IllegalArgumentException("the heap guard is a share of the heap, more than 0 and at most 1; "
                        + "found " + shareOfMax);
            }
            this.heapGuard = shareOfMax;
            return this;
        }

        /**
         * How queries are shared between clients: how many run at once, per client and in all,
         * how many wait, each client's query time per minute. Default {@code Admission.create().build()}.
         */
        public Builder admission(Admission limits) {
            this.admission = Objects.requireNonNull(limits);
            return this;
        }

        /** Whether to mount the linked-data pages (every IRI dereferences). Default yes. */
        public Builder linkedData(boolean mount) {
            this.linkedData = mount;
            return this;
        }

        /** More servlets to serve beside the dataset, such as the query API or the explorer. */
        public Builder mount(List<MountedServlet> servlets) {
            this.mounts.addAll(servlets);
            return this;
        }

        /**
         * Work that only speeds later requests, such as reading the query catalog: it runs in the
         * background once the server has answered its first request, so it never competes with
         * start-up for the machine's cores. A failure is logged; the request that needs the work
         * does it again and answers with the error.
         */
        public Builder afterFirstAnswer(String taskName, Runnable task) {
            this.afterFirstAnswer.put(Objects.requireNonNull(taskName), Objects.requireNonNull(task));
            return this;
        }

        public ReformServer build() {
            Objects.requireNonNull(store, "store");
            return new ReformServer(this);
        }
    }

    private FusekiServer fuseki(Builder builder) {
        OperationRegistry operations = OperationRegistry.createStd();
        operations.register(Operation.Query, new BoundedQueryService(builder.maxResultRows, builder.timeout,
                queryMemory, explorerMounted));
        long timeoutMillis = builder.timeout.toMillis();
        Supplier<DatasetGraph> datasets = builder.store.derived(
                served -> ServedDataset.of(served.dataset().asDatasetGraph(), timeoutMillis));
        FusekiServer.Builder fusekiBuilder = FusekiServer.create(operations)
                .port(builder.port)
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableCompact(false)
                .enableTasks(false)
                .verbose(false)
                // an empty stand-in until the first request, which registers the current store's
                // service (CurrentDatasetFilter): putting the server together does not wait for the store
                .add(builder.datasetPath, readOnlyService(DatasetGraphFactory.empty()));
        List<MountedServlet> servlets = new ArrayList<>();
        if (builder.linkedData) {
            LinkedData.Mount linkedData = LinkedData.servlets(builder.store,
                    LinkedDataConfig.create().datasetPath(builder.datasetPath).explorerAtRoot(explorerMounted).build());
            servlets.addAll(linkedData.servlets());
            fusekiBuilder.addFilter("/*", new AfterFirstAnswerFilter("linked-data-site", linkedData.prepareSite()));
        }
        builder.afterFirstAnswer.forEach((taskName, task) ->
                fusekiBuilder.addFilter("/*", new AfterFirstAnswerFilter(taskName, task)));
        fusekiBuilder.addFilter("/*", new AccessLogFilter())
                .addFilter("/*", new HardeningFilter(builder.admission))
                .addFilter("/*", new RequestLimitFilter(builder.maxBodyBytes))
                .addFilter(builder.datasetPath + "/*", new AcceptableFormatsFilter())
                .addFilter(builder.datasetPath + "/*", new ResponseCacheFilter(builder.store, builder.responseCacheBytes))
                .addFilter(builder.datasetPath + "/*", new AdmissionFilter(builder.admission, builder.timeout))
                .addFilter(builder.datasetPath + "/*", new CurrentDatasetFilter(builder.datasetPath, datasets,
                        ReformServer::readOnlyService, operations))
                .addServlet(StatusServlet.PATH, new StatusServlet(builder.store, builder.admission));
        servlets.addAll(builder.mounts);
        servlets.forEach(mounted -> fusekiBuilder.addServlet(mounted.pathSpec(), mounted.servlet()));
        FusekiServer server = fusekiBuilder.build();
        for (Connector connector : server.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(builder.host);
            }
            // Encoded dot segments and separators (%2e%2e, %2f, %5c) reach the servlets, which serve
            // only names they know: a traversal attempt is then their 404, not Jetty's 400
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setUriCompliance(UriCompliance.DEFAULT.with("reform-kg",
                        UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
                        UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
            }
        }
        // Jetty's own cap on form bodies would otherwise answer large query forms before ours
        ServletContextHandler context = server.getJettyServer().getDescendant(ServletContextHandler.class);
        if (context != null) {
            context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, builder.maxBodyBytes));
            context.getServletHandler().setDecodeAmbiguousURIs(true);
            context.setErrorHandler(new PlainTextErrors());
        }
        return server;
    }

    /** Only reading operations are configured: update, upload and GSP writes have no endpoint. */
    private static DataService readOnlyService(DatasetGraph dataset) {
        return DataService.newBuilder(dataset)
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.Query, SPARQL_ENDPOINT)
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R)
                .addEndpoint(Operation.GSP_R, GRAPH_STORE_ENDPOINT)
                .addEndpoint(Operation.GSP_R, "get")
                .build();
    }

    /**
     * Starts serving.
     *
     * @throws ServerStartException when the address cannot be bound, e.g. the port is in use
     */
    public ReformServer start() {
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new ServerStartException("cannot listen on " + host + ":" + fuseki.getHttpPort()
                            + " (" + cause.getMessage() + "); is another server using the port? Choose one with --port");
                }
            }
            throw e;
        }
        return this;
    }

    /** The port the server listens on, once started (the free port chosen when built with port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:3030}. */
    public String root() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + port();
    }

    /** The SPARQL endpoint's path, e.g. {@code /kg/sparql}. */
    public String sparqlPath() {
        return datasetPath + "/" + SPARQL_ENDPOINT;
    }

    /** What the server serves, by name, for the start-up message. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("SPARQL endpoint", root() + sparqlPath());
        urls.put("Graph Store (read)", root() + datasetPath + "/" + GRAPH_STORE_ENDPOINT);
        if (explorerMounted) {
            urls.put("Explorer", root() + "/");
        }
        urls.put("VoID", root() + "/.well-known/void");
        urls.put("Ping", root() + "/$/ping");
        urls.put("Status", root() + StatusServlet.PATH);
        return urls;
    }

    /** Waits until the server stops. */
    public void join() {
        fuseki.join();
    }

    public void stop() {
        fuseki.stop();
        queryMemory.close();
    }
}
