package io.reformkg.query.api;

import io.reformkg.http.MountedServlet;
import io.reformkg.query.QueryCatalog;
import io.reformkg.store.CurrentStore;
import java.time.Duration;
import java.util.List;

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
     * The servlet and the task that reads the catalog: a server runs it in the background once it
     * has answered its first request (parsing the catalog's SPARQL takes ~0.2 s of two cores that
     * start-up needs), or the first query API request reads it.
     */
    public record Mount(List<MountedServlet> servlets, Runnable readCatalog) {
        public Mount {
            servlets = List.copyOf(servlets);
        }
    }

    /**
     * The servlets answering from whichever store is current at each request; a query running
     * longer than {@code timeout} is cancelled and answered 503.
     */
    public static Mount mount(CurrentStore store, Duration timeout) {
        QueryApiServlet servlet = new QueryApiServlet(store, QueryCatalog::load, ANSWER_CACHE_BYTES, timeout);
        return new Mount(List.of(new MountedServlet(PATH + "/*", servlet)), servlet::readCatalog);
    }

    /** The servlets alone; the catalog is read by the first request. */
    public static List<MountedServlet> servlets(CurrentStore store, Duration timeout) {
        return mount(store, timeout).servlets();
    }
}
