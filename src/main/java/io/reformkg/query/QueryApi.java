package io.reformkg.query;

import io.reformkg.http.MountedServlet;
import io.reformkg.store.CurrentStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point of the query HTTP API: {@code GET /api/queries} (the catalog as JSON) and
 * {@code GET /api/queries/NAME?PARAM=VALUE&format=json|csv&lang=zh|en} (an answer). Answers are
 * kept in memory for repeated requests and tagged for revalidation; see docs/queries.md.
 */
public final class QueryApi {
    public static final String PATH = "/api/queries";
    /** Memory for answers kept for repeated requests, per served store. */
    static final long ANSWER_CACHE_BYTES = 32L * 1024 * 1024;

    private QueryApi() {
    }

    /**
     * The servlets answering from whichever store is current at each request; a query running
     * longer than {@code timeout} is cancelled and answered 503.
     */
    public static List<MountedServlet> servlets(CurrentStore store, Duration timeout) {
        return servlets(store, CompletableFuture.completedFuture(QueryCatalog.load()), timeout);
    }

    /**
     * The same, with a catalog that may still be loading ({@link #loadCatalog()}): requests wait
     * for it, so a server can start while it is read.
     */
    public static List<MountedServlet> servlets(CurrentStore store, CompletableFuture<QueryCatalog> catalog,
            Duration timeout) {
        return List.of(new MountedServlet(PATH + "/*", new QueryApiServlet(store, catalog, ANSWER_CACHE_BYTES, timeout)));
    }

    /** Starts reading the program's catalog on another thread: parsing its SPARQL takes ~0.2 s at start-up. */
    public static CompletableFuture<QueryCatalog> loadCatalog() {
        return CompletableFuture.supplyAsync(QueryCatalog::load);
    }
}
