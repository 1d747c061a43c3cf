package io.reformkg.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprTransformer;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.sse.Tags;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * What the SPARQL queries running may do to the server's memory. An {@code OutOfMemoryError}
 * is never how a query ends:
 * <ul>
 * <li>The heap guard: a watchdog reads, every 20 ms, what the heap holds (the old generation,
 * where what lives on ends up; the whole heap for a collector without generations). Past a share
 * of its maximum while queries run, and still past it after a full collection, the running query
 * that has allocated the most since it started — the one that filled the heap, as a rule — is
 * cancelled. No other is cancelled until that one has ended and a collection has run since, so
 * one shortage costs one query. Garbage, however much a query makes, does not count.</li>
 * <li>The string-building functions (CONCAT, REPLACE, UCASE, LCASE, ENCODE_FOR_URI and functions
 * named by IRI) check as they run, CONCAT and REPLACE before they build and against a longest
 * string, so a query that doubles a string in a chain of BINDs stops before the heap does.</li>
 * <li>Optionally, a cap on all one query allocates, garbage included
 * ({@code ThreadMXBean#getThreadAllocatedBytes}): ARQ allocates some hundreds of megabytes a
 * second while it works, so such a cap cuts short work the timeout would allow.</li>
 * </ul>
 * A cancelled query is aborted, which ARQ notices between rows.
 */
final class QueryMemory {
    /** The query running on a thread: ARQ evaluates a query on the thread that asked for it, constants included. */
    private static final ThreadLocal<Tracked> CURRENT = new ThreadLocal<>();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long WATCH_MILLIS = 20;
    /** The longest string CONCAT and REPLACE build: 16 Mi characters, up to 32 MiB. */
    static final long MAX_STRING_CHARS = 16L * 1024 * 1024;
    private static final String FN_REPLACE = "http://www.w3.org/2005/xpath-functions#replace";

    private final OptionalLong allocationCap;
    private final double heapGuard;
    private final Supplier<MemoryUsage> heldHeap = heldHeap();
    private final Set<Tracked> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;
    /** The query the heap guard cancelled last, until a collection has run after it ended; read on the watchdog only. */
    private Tracked cancelled;
    /** How many collections had run when {@link #cancelled} was seen ended, or -1. */
    private long collectionsAfterCancelled = -1;

    /**
     * @param allocationCap bytes one query may allocate, garbage included, if capped
     * @param heapGuard the share of the held heap's maximum past which the largest query is cancelled
     */
    QueryMemory(OptionalLong allocationCap, double heapGuard) {
        this.allocationCap = allocationCap;
        this.heapGuard = heapGuard;
        if (THREADS.isThreadAllocatedMemorySupported()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "query-memory-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops watching: the server has stopped. */
    void close() {
        watchdog.shutdownNow();
    }

    /** What a client is told when its query is stopped for the memory it allocated. */
    private static String capMessage(long capBytes) {
        return "the query allocated more than " + (capBytes >> 20) + " MiB, the server's memory budget for one "
                + "query, and was cancelled; build smaller strings or ask for fewer rows";
    }

    /** What a client is told when its query is cancelled because the heap is nearly full. */
    private static String shortageMessage(MemoryUsage held) {
        return "the server is short of memory (" + (held.getUsed() >> 20) + " MiB of its " + (max(held) >> 20)
                + " MiB held) and cancelled this query, the one that had allocated the most of those running; ask "
                + "for fewer rows, or retry later";
    }

    /** Starts watching the query about to run on this thread; close it when the answer is sent. */
    Tracked track() {
        Tracked tracked = new Tracked(Thread.currentThread(), THREADS.getCurrentThreadAllocatedBytes());
        running.add(tracked);
        CURRENT.set(tracked);
        return tracked;
    }

    /** The query with its string-building functions replaced by ones that check the budget. */
    static Query bounded(Query query) {
        Query copy = QueryTransformOps.transform(query, new ElementTransformCopyBase(), new BoundedFunctions());
        copy.getProject().getExprs().replaceAll((var, expr) -> ExprTransformer.transform(new BoundedFunctions(), expr));
        return copy;
    }

    private void watch() {
        allocationCap.ifPresent(cap -> running.stream()
                .filter(tracked -> tracked.stopped == null && tracked.allocated() > cap)
                .forEach(tracked -> tracked.stop(capMessage(cap))));
        guardHeap();
    }

    /**
     * Cancels the largest running query when the heap holds more than its share, unless the
     * last one cancelled has yet to end and be followed by a collection.
     */
    private void guardHeap() {
        if (!overGuard(heldHeap.get()) || running.stream().allMatch(tracked -> tracked.stopped != null)) {
            return;
        }
        if (cancelled != null) {
            if (running.contains(cancelled)) {
                return;
            }
            if (collectionsAfterCancelled < 0) {
                collectionsAfterCancelled = collections();
            }
        }
        // the old generation keeps garbage until it is collected itself: a full collection shows what is held
        System.gc();
        if (cancelled != null) {
            if (collections() == collectionsAfterCancelled) {
                return;
            }
            cancelled = null;
            collectionsAfterCancelled = -1;
        }
        MemoryUsage held = heldHeap.get();
        if (overGuard(held)) {
            running.stream().filter(tracked -> tracked.stopped == null)
                    .max(Comparator.comparingLong(Tracked::allocated)).ifPresent(largest -> {
                        largest.stop(shortageMessage(held));
                        cancelled = largest;
                    });
        }
    }

    private boolean overGuard(MemoryUsage held) {
        return held.getUsed() > heapGuard * max(held);
    }

    private static long max(MemoryUsage usage) {
        return usage.getMax() > 0 ? usage.getMax() : Runtime.getRuntime().maxMemory();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(count -> count > 0).sum();
    }

    /**
     * What the heap holds: the old generation (the one heap pool with a usage threshold besides
     * eden and survivor spaces, or named so), else the whole heap.
     */
    private static Supplier<MemoryUsage> heldHeap() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()).toList();
        Optional<MemoryPoolMXBean> old = pools.size() == 1 ? Optional.of(pools.get(0)) : pools.stream()
                .filter(pool -> pool.getName().toLowerCase(Locale.ROOT).matches(".*\\b(old|tenured)\\b.*"))
                .findFirst();
        return old.<Supplier<MemoryUsage>>map(pool -> pool::getUsage)
                .orElse(ManagementFactory.getMemoryMXBean()::getHeapMemoryUsage);
    }

    /** A running query: its thread, what the thread had allocated before it, its execution. */
    final class Tracked implements AutoCloseable {
        private final Thread thread;
        private final long startBytes;
        private volatile QueryExec execution;
        /** Why the query was stopped, or null. */
        private volatile String stopped;

        private Tracked(Thread thread, long startBytes) {
            this.thread = thread;
            this.startBytes = startBytes;
        }

        void watch(QueryExec queryExec) {
            this.execution = queryExec;
            if (stopped != null) {
                queryExec.abort();
            }
        }

        private void stop(String why) {
            stopped = why;
            QueryExec queryExec = execution;
            if (queryExec != null) {
                queryExec.abort();
            }
        }

        /** Why the query was stopped for its memory, if it was. */
        Optional<String> stopped() {
            return Optional.ofNullable(stopped);
        }

        private long allocated() {
            return THREADS.getThreadAllocatedBytes(thread.getId()) - startBytes;
        }

        /**
         * On the query's thread: stops the query if it has been stopped, if that string of
         * {@code moreChars} characters is longer than any the server builds, or if it has
         * allocated, or would with that string, more than the cap.
         */
        void check(long moreChars) {
            if (stopped == null && moreChars > MAX_STRING_CHARS) {
                stopped = "the query would build a string of " + moreChars + " characters; the server builds none "
                        + "longer than " + MAX_STRING_CHARS + " (part of its memory budget for one query), so the "
                        + "query was cancelled";
            }
            if (stopped == null && allocationCap.isPresent() && THREADS.getCurrentThreadAllocatedBytes() - startBytes
                    + bytes(moreChars) > allocationCap.getAsLong()) {
                stopped = capMessage(allocationCap.getAsLong());
            }
            if (stopped != null) {
                throw new QueryCancelledException();
            }
        }

        @Override
        public void close() {
            running.remove(this);
            CURRENT.remove();
        }
    }

    private static void check(long moreChars) {
        Tracked tracked = CURRENT.get();
        if (tracked != null) {
            tracked.check(moreChars);
        }
    }

    /** Bytes a string of these characters may take (Java keeps non-Latin-1 text in two bytes a character). */
    private static long bytes(long chars) {
        return chars * 2;
    }

    private static long length(NodeValue value) {
        return value.isLiteral() ? value.asNode().getLiteralLexicalForm().length() : 0;
    }

    private static final class BoundedFunctions extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunctionN function, ExprList args) {
            if (function instanceof BoundedConcat || function instanceof BoundedReplace
                    || function instanceof BoundedFunction) {
                return function.copy(args);
            }
            if (function instanceof E_StrConcat) {
                return new BoundedConcat(args);
            }
            if (function instanceof E_StrReplace
                    || function instanceof E_Function named && named.getFunctionIRI().equals(FN_REPLACE)
                    && (args.size() == 3 || args.size() == 4)) {
                return new BoundedReplace(args);
            }
            if (function instanceof E_Function named) {
                return new BoundedFunction(named.getFunctionIRI(), args);
            }
            return super.transform(function, args);
        }

        @Override
        public Expr transform(ExprFunction1 function, Expr arg) {
            if (function instanceof E_StrUpperCase || function instanceof E_StrLowerCase
                    || function instanceof E_StrEncodeForURI) {
                return new Bounded1((ExprFunction1) function.copy(arg));
            }
            return super.transform(function, arg);
        }
    }

    /** CONCAT that checks the string it would build against the budget before building it. */
    private static final class BoundedConcat extends E_StrConcat {
        BoundedConcat(ExprList args) {
            super(args);
        }

        // ARQ folds constant expressions with this one, without an environment
        @Override
        public NodeValue eval(List<NodeValue> args) {
            check(args.stream().mapToLong(QueryMemory::length).sum());
            return super.eval(args);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new BoundedConcat(newArgs);
        }
    }

    /**
     * REPLACE (and fn:replace) that checks the longest string it could build: every match,
     * empty ones too, replaced by the replacement.
     */
    private static final class BoundedReplace extends ExprFunctionN {
        private final E_StrReplace replace;

        BoundedReplace(ExprList args) {
            super(Tags.tagReplace, args);
            this.replace = args.size() == 3 ? new E_StrReplace(args.get(0), args.get(1), args.get(2))
                    : new E_StrReplace(args.get(0), args.get(1), args.get(2), args.get(3));
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            long input = length(args.get(0));
            check(input + (input + 1) * length(args.get(2)));
            return replace.eval(args);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new BoundedReplace(newArgs);
        }
    }

    /** A function named by IRI, checking the budget once it has answered. */
    private static final class BoundedFunction extends E_Function {
        BoundedFunction(String iri, ExprList args) {
            super(iri, args);
        }

        @Override
        public NodeValue evalSpecial(Binding binding, FunctionEnv env) {
            NodeValue value = super.evalSpecial(binding, env);
            check(0);
            return value;
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new BoundedFunction(getFunctionIRI(), newArgs);
        }
    }

    /** UCASE, LCASE or ENCODE_FOR_URI, checking the budget once it has answered. */
    private static final class Bounded1 extends ExprFunction1 {
        private final ExprFunction1 function;

        Bounded1(ExprFunction1 function) {
            super(function.getArg(), function.getFunctionSymbol().getSymbol());
            this.function = function;
        }

        @Override
        public NodeValue eval(NodeValue value) {
            NodeValue result = function.eval(value);
            check(0);
            return result;
        }

        @Override
        public Expr copy(Expr arg) {
            return new Bounded1((ExprFunction1) function.copy(arg));
        }
    }
}
