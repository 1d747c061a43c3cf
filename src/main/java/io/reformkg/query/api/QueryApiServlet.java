package io.reformkg.query.api;

import io.reformkg.http.Admission;
import io.reformkg.http.AnswerCache;
import io.reformkg.http.Durations;
import io.reformkg.http.HttpProblem;
import io.reformkg.http.Responses;
import io.reformkg.query.InvalidParameterException;
import io.reformkg.query.Language;
import io.reformkg.query.NamedQuery;
import io.reformkg.query.Page;
import io.reformkg.query.Paging;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.QueryResult;
import io.reformkg.query.QueryRunner;
import io.reformkg.query.ResultFormat;
import io.reformkg.query.ResultWriter;
import io.reformkg.query.UnknownQueryException;
import io.reformkg.store.CurrentStore.Derived;
import io.reformkg.store.CurrentStore;
import io.reformkg.store.GraphStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.QueryCancelledException;

/** Serves the catalog and runs named queries; see {@link QueryApi}. */
public final class QueryApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String FORMAT = "format";
    private static final String LANG = "lang";
    /** {@code format=sparql}: the query with the request's values bound, not its answer. */
    private static final String SPARQL = "sparql";
    private static final String SPARQL_MEDIA_TYPE = "application/sparql-query; charset=utf-8";

    private final transient CurrentStore store;
    private final transient Supplier<QueryCatalog> queries;
    private final long maxCacheBytes;
    private transient volatile Catalog catalog;
    private final Duration timeout;

    /**
     * The catalog, its JSON and the answer caches. The servlet can be mounted before the catalog is
     * read: the first request that needs it reads it, and others wait.
     */
    private record Catalog(QueryCatalog queries, String text, byte[] json, Derived<AnswerCache> caches) {
        static Catalog of(QueryCatalog queries, CurrentStore store, long maxCacheBytes) {
            String text = ResultWriter.catalog(queries);
            // answers kept on disk outlive the process: they are kept apart by the queries' text
            String queriesText = text + Stream.concat(queries.queries().stream(), queries.internalQueries().stream())
                    .map(NamedQuery::sparql).collect(Collectors.joining("\n"));
            return new Catalog(queries, text, text.getBytes(StandardCharsets.UTF_8),
                    store.derived(served -> AnswerCache.keptIn(served.answersFolder(), "queries", queriesText,
                            maxCacheBytes)));
        }
    }

    public QueryApiServlet(CurrentStore store, Supplier<QueryCatalog> queries, long maxCacheBytes, Duration timeout) {
        this.store = store;
        this.queries = queries;
        this.maxCacheBytes = maxCacheBytes;
        this.timeout = timeout;
    }

    /** Reads the catalog unless a request has already read it. */
    void readCatalog() {
        catalog();
    }

    private Catalog catalog() {
        Catalog read = catalog;
        if (read == null) {
            synchronized (this) {
                read = catalog;
                if (read == null) {
                    read = Catalog.of(queries.get(), store, maxCacheBytes);
                    catalog = read;
                }
            }
        }
        return read;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Catalog catalog = catalog();
            String path = request.getPathInfo();
            if (path == null || path.equals("/")) {
                Responses.send(request, response, catalog.json(), ResultFormat.JSON.mediaType() + "; charset=utf-8",
                        Responses.etag(store.get().version(), catalog.text()));
                return;
            }
            String name = path.substring(1);
            if (name.contains("/")) {
                throw HttpProblem.notFound("no such resource: " + QueryApi.PATH + path + "; the queries are at "
                        + QueryApi.PATH + "/NAME, e.g. " + QueryApi.PATH + "/" + catalog.queries().names().get(0));
            }
            answer(request, response, catalog, name);
        } catch (HttpProblem problem) {
            Responses.problem(response, problem);
        } catch (UnknownQueryException unknown) {
            Responses.problem(response, HttpServletResponse.SC_NOT_FOUND, unknown.getMessage());
        } catch (InvalidParameterException | IllegalArgumentException invalid) {
            Responses.problem(response, HttpServletResponse.SC_BAD_REQUEST, invalid.getMessage());
        } catch (QueryCancelledException cancelled) {
            Responses.problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the query ran longer than the "
                    + "server's timeout of " + Durations.text(timeout) + " (counted from its arrival) and was cancelled; "
                    + "narrow its parameters or ask for a smaller page");
        } catch (RuntimeException failure) {
            // a defect, not the client's fault: log the trace, answer with one line
            log("query API failed on " + request.getRequestURI(), failure);
            Responses.problem(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "the query failed on the "
                    + "server; the failure is logged there");
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Catalog catalog, String name)
            throws IOException {
        NamedQuery query = catalog.queries().get(name);
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
            if (parameter.getValue().length != 1) {
                throw new InvalidParameterException("parameter " + parameter.getKey() + " is given "
                        + parameter.getValue().length + " times; give it once");
            }
            arguments.put(parameter.getKey(), parameter.getValue()[0]);
        }
        String requestedFormat = arguments.remove(FORMAT);
        String lang = arguments.remove(LANG);
        Language language = lang == null ? Language.ZH : Language.parse(lang);
        if (SPARQL.equalsIgnoreCase(Objects.requireNonNullElse(requestedFormat, "").trim())) {
            // the query itself, as a SPARQL client would send it with these values
            GraphStore served = store.get();
            String text = QueryRunner.over(served, catalog.queries()).sparql(name, arguments, language);
            Responses.send(request, response, text.getBytes(StandardCharsets.UTF_8), SPARQL_MEDIA_TYPE,
                    Responses.etag(served.version(), name + "\n" + language + "\n" + arguments + "\n" + text));
            return;
        }
        ResultFormat format = format(requestedFormat, request.getHeader("Accept"));
        // one store for the whole answer, even if a rebuild swaps in another meanwhile
        GraphStore served = store.get();
        String key = name + "\n" + format + "\n" + language + "\n" + arguments;
        // the query's text too: a server with a changed query answers the same data differently
        String etag = Responses.etag(served.version(), key + "\n" + query.sparql());
        if (Responses.notModified(request, response, etag)) {
            return;
        }
        AnswerCache cache = catalog.caches().of(served);
        AnswerCache.Answer kept = cache.find(request, key).orElse(null);
        response.setHeader(AnswerCache.STATUS_HEADER, kept == null ? "miss" : "hit");
        if (kept == null) {
            // a query computed here waits for its client's turn; kept answers never do
            kept = Admission.of(request)
                    .map(admission -> admission.run(request, timeout,
                            left -> compute(request, served, catalog, name, arguments, language, format, left)))
                    .orElseGet(() -> compute(request, served, catalog, name, arguments, language, format, timeout));
            cache.keep(key, kept);
        }
        if (!kept.link().isEmpty()) {
            response.setHeader("Link", kept.link());
        }
        Responses.send(request, response, kept.body(), kept.contentType(), etag);
    }

    private static AnswerCache.Answer compute(HttpServletRequest request, GraphStore served, Catalog catalog,
            String name, Map<String, String> arguments, Language language, ResultFormat format, Duration left) {
        if (left.isNegative() || left.isZero()) {
            throw new QueryCancelledException();
        }
        QueryResult result = QueryRunner.over(served, catalog.queries()).timeout(left).run(name, arguments, language);
        return new AnswerCache.Answer(
                format == ResultFormat.JSON ? format.mediaType() + "; charset=utf-8" : format.mediaType(),
                ResultWriter.write(result, format).getBytes(StandardCharsets.UTF_8),
                result.page().filter(Page::more).map(page -> next(request, page)).orElse(""));
    }

    /** The format parameter wins; otherwise the Accept header chooses between JSON (the default) and CSV. */
    private static ResultFormat format(String requested, String accept) {
        if (requested != null) {
            String label = requested.trim().toLowerCase(Locale.ROOT);
            if (label.equals("json")) {
                return ResultFormat.JSON;
            }
            if (label.equals("csv")) {
                return ResultFormat.CSV;
            }
            throw HttpProblem.notAcceptable("unsupported format \"" + requested + "\"; use format=json, format=csv "
                    + "or format=sparql (the query itself)");
        }
        if (accept == null || accept.isBlank()) {
            return ResultFormat.JSON;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("application/json") || type.equals("*/*") || type.equals("application/*")) {
                return ResultFormat.JSON;
            }
            if (type.equals("text/csv") || type.equals("text/*")) {
                return ResultFormat.CSV;
            }
        }
        throw HttpProblem.notAcceptable("cannot answer in " + accept + "; the answers are application/json or text/csv");
    }

    /** {@code <this request with offset=NEXT>; rel="next"}: the other parameters stay as the client wrote them. */
    private static String next(HttpServletRequest request, Page page) {
        StringBuilder target = new StringBuilder(request.getRequestURI()).append('?');
        for (String pair : Objects.requireNonNullElse(request.getQueryString(), "").split("&")) {
            String key = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!key.equals(Paging.OFFSET) && !pair.isEmpty()) {
                target.append(pair).append('&');
            }
        }
        return "<" + target + Paging.OFFSET + "=" + page.nextOffset() + ">; rel=\"next\"";
    }
}
