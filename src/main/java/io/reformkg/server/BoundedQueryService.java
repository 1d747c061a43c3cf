package io.reformkg.server;

import io.reformkg.http.Admission;
import io.reformkg.http.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.web.HttpSC;

/**
 * SPARQL query over HTTP, bounded in every way one request could hurt the server:
 * <ul>
 * <li>every result is computed in full before the first byte is sent, and a SELECT of more than
 * the row cap, or a CONSTRUCT or DESCRIBE of more than as many triples, is a 400 (Fuseki streams
 * SELECT results, so a timeout striking mid-stream would leave a truncated 200);</li>
 * <li>the timeout counts from the request's arrival (time spent waiting for a turn included),
 * and the query is watched by the {@linkplain QueryMemory heap guard and string checks};</li>
 * <li>no query reaches outside the server: SERVICE is refused, and so are {@code java:}
 * function IRIs, which would load classes by name;</li>
 * <li>a query nested too deeply to parse is a 400, and Fuseki's {@code stylesheet=} (written
 * into the XML answer) and {@code callback=} (JSONP) are refused.</li>
 * </ul>
 */
final class BoundedQueryService extends SPARQL_QueryDataset {
    private static final String TRACKED = BoundedQueryService.class.getName() + ".tracked";
    /** The request's own {@code timeout=}, when it is what set the deadline. */
    private static final String ASKED_TIMEOUT = BoundedQueryService.class.getName() + ".askedTimeout";
    private static final String JAVA_SCHEME = "java:";
    /** Far deeper than any query a person writes; far shallower than what overflows the stack. */
    static final int MAX_NESTING = 200;
    private static final String TOO_DEEP = "the query is nested too deeply for this server (at most " + MAX_NESTING
            + " levels of brackets); write it with fewer nested groups or expressions";
    private static final String TOO_LONG = "the query is too long or too deeply built for this server to work through "
            + "(its stack ran out); write it with fewer FILTERs, nested groups or expressions";

    private final int maxRows;
    private final Duration timeout;
    private final QueryMemory memory;
    private final boolean explorerMounted;

    BoundedQueryService(int maxRows, Duration timeout, QueryMemory memory, boolean explorerMounted) {
        this.maxRows = maxRows;
        this.timeout = timeout;
        this.memory = memory;
        this.explorerMounted = explorerMounted;
    }

    /** A GET without a query asks for the SPARQL service description, or a page about the endpoint. */
    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestQueryString() == null) {
            ServiceDescription.send(action, action.getDataService().getDataset(), explorerMounted);
            return;
        }
        super.execGet(action);
    }

    @Override
    protected void validateRequest(HttpAction action) {
        for (String refused : List.of(HttpNames.paramStyleSheet, HttpNames.paramCallback)) {
            if (action.getRequestParameter(refused) != null) {
                ServletOps.errorBadRequest("the parameter " + refused + "= is not offered by this endpoint"
                        + (refused.equals(HttpNames.paramCallback) ? " (no JSONP: answers carry CORS headers, so a "
                        + "page on any site can read them)" : ""));
            }
        }
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        refuseOutsideReach(query);
    }

    /**
     * SERVICE would make the server fetch any URL; a {@code java:} IRI, as a function or a
     * property function, loads a class by name. Looked for in the algebra, which holds
     * subqueries and EXISTS too.
     */
    private static void refuseOutsideReach(Query query) {
        List<String> found = new ArrayList<>();
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                found.add("SERVICE is not allowed here: this endpoint answers from its own data only and makes no "
                        + "requests to other endpoints (SERVICE " + service.getService() + ")");
            }

            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(triple -> {
                    if (isJava(triple.getPredicate())) {
                        found.add(javaRefusal(triple.getPredicate().getURI()));
                    }
                });
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN function) {
                if (function instanceof E_Function named && named.getFunctionIRI().startsWith(JAVA_SCHEME)) {
                    found.add(javaRefusal(named.getFunctionIRI()));
                }
            }
        });
        if (!found.isEmpty()) {
            ServletOps.errorBadRequest(found.get(0));
        }
    }

    private static boolean isJava(Node node) {
        return node.isURI() && node.getURI().startsWith(JAVA_SCHEME);
    }

    private static String javaRefusal(String iri) {
        return "<" + iri + "> is not allowed: only SPARQL's and Jena's standard functions are offered, not classes "
                + "loaded by name";
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (nesting(queryString) > MAX_NESTING) {
            ServletOps.errorBadRequest(TOO_DEEP);
        }
        try (QueryMemory.Tracked tracked = memory.track()) {
            action.getRequest().setAttribute(TRACKED, tracked);
            super.execute(queryString, action);
        } catch (StackOverflowError tooDeep) {
            action.abortSilent();
            ServletOps.errorBadRequest(TOO_LONG);
        } catch (ActionErrorException refused) {
            // the parser reports a stack overflow as a syntax error named after the Java error
            if (refused.getMessage() != null && refused.getMessage().contains(StackOverflowError.class.getSimpleName())) {
                ServletOps.errorBadRequest(TOO_LONG);
            }
            throw refused;
        } catch (QueryCancelledException cancelled) {
            QueryMemory.Tracked tracked = (QueryMemory.Tracked) action.getRequest().getAttribute(TRACKED);
            if (tracked != null && tracked.stopped().isPresent()) {
                ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, tracked.stopped().get());
            }
            Object asked = action.getRequest().getAttribute(ASKED_TIMEOUT);
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, asked != null
                    ? "the query ran longer than the timeout=" + asked + " seconds the request asked for and was "
                            + "cancelled (the server's own timeout is " + Durations.text(timeout) + ")"
                    : "the query ran longer than the server's timeout of " + Durations.text(timeout)
                            + " (counted from its arrival) and was cancelled");
        }
    }

    /**
     * The deepest nesting of brackets in the query, outside strings and comments: the parser
     * and the optimizer recurse once a level, so a query nested thousands deep overflows the stack.
     */
    static int nesting(String query) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '#') {
                int end = query.indexOf('\n', i);
                i = end < 0 ? query.length() : end;
            } else if (c == '"' || c == '\'') {
                boolean longQuote = query.startsWith(String.valueOf(c).repeat(3), i);
                String quote = longQuote ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int j = i + quote.length();
                while (j < query.length() && !query.startsWith(quote, j)) {
                    j += query.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + quote.length() - 1;
            } else if (c == '(' || c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long leftMillis = Admission.remaining(action.getRequest(), timeout).toMillis();
        String asked = action.getRequestParameter(HttpNames.paramTimeout);
        if (asked != null) {
            long askedMillis = askedMillis(asked);
            if (askedMillis < leftMillis) {
                leftMillis = askedMillis;
                action.getRequest().setAttribute(ASKED_TIMEOUT, asked.trim());
            }
        }
        if (leftMillis <= 0) {
            throw new QueryCancelledException();
        }
        QueryMemory.Tracked tracked = (QueryMemory.Tracked) action.getRequest().getAttribute(TRACKED);
        QueryExec execution = QueryExec.newBuilder().dataset(dataset).query(QueryMemory.bounded(query))
                .context(action.getContext())
                .overallTimeout(leftMillis, TimeUnit.MILLISECONDS).build();
        tracked.watch(execution);
        return execution;
    }

    /** Fuseki's {@code timeout=} parameter, a number of seconds: a client may shorten the timeout, not lengthen it. */
    private static long askedMillis(String seconds) {
        try {
            double value = Double.parseDouble(seconds.trim());
            if (value > 0 && value < Long.MAX_VALUE / 1000.0) {
                return Math.max(1, (long) (value * 1000));
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        ServletOps.errorBadRequest("timeout=" + seconds + " is not a positive number of seconds");
        return 0;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec execution, Query requestQuery,
                                           String queryStringLog) {
        if (requestQuery.isSelectType()) {
            RowSet results = execution.select();
            List<Binding> rows = new ArrayList<>();
            while (results.hasNext()) {
                if (rows.size() == maxRows) {
                    tooMany("rows");
                }
                rows.add(results.next());
            }
            return new QueryExecResult(RowSetStream.create(results.getResultVars(), rows.iterator()));
        }
        if (requestQuery.isConstructType()) {
            DatasetGraph dataset = DatasetGraphFactory.create();
            long count = 0;
            for (Iterator<Quad> quads = execution.constructQuads(); quads.hasNext(); ) {
                Quad quad = quads.next();
                if (!dataset.contains(quad)) {
                    if (count++ == maxRows) {
                        tooMany("triples");
                    }
                    dataset.add(quad);
                }
            }
            return new QueryExecResult(dataset);
        }
        if (requestQuery.isDescribeType()) {
            Graph graph = GraphFactory.createDefaultGraph();
            for (Iterator<Triple> triples = execution.describeTriples(); triples.hasNext(); ) {
                graph.add(triples.next());
                if (graph.size() > maxRows) {
                    tooMany("triples");
                }
            }
            return new QueryExecResult(graph);
        }
        return super.executeQuery(action, execution, requestQuery, queryStringLog);
    }

    private void tooMany(String what) {
        ServletOps.error(HttpSC.BAD_REQUEST_400, "the result has more than " + maxRows + " " + what
                + ", the server's limit; add LIMIT and OFFSET to page through it");
    }
}
