package io.reformkg.query.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.eval.PathEval;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * The ends of property paths already walked in one query execution, by graph, start node and
 * direction. A store is read-only while a query runs, so a walk from the same node along the
 * same path gives the same ends, with the same repetitions, every time it is asked; a query that
 * joins a path to many rows asks again and again. Bounded: past {@link #MAX_NODES} ends held, a
 * walk is made and not kept.
 */
final class PathMemo {
    /** Where an execution keeps its memo: its own context, made afresh for every execution. */
    private static final Symbol IN_CONTEXT = Symbol.create("urn:reform-kg:engine:path-memo");
    /** About 40 MiB of references and keys at most, whatever the query. */
    static final int MAX_NODES = 1_000_000;

    private record Walk(Object graph, Node start, Path path, boolean forward) {
    }

    /** A named graph or the union is shown as a new view for every row of a GRAPH pattern: the same graph. */
    private record ViewedGraph(DatasetGraph dataset, Node name) {
    }

    private static Object identity(Graph graph) {
        return graph instanceof GraphView view ? new ViewedGraph(view.getDataset(), view.getGraphName()) : graph;
    }

    private final Map<Walk, List<Node>> ends = new HashMap<>();
    private int nodesHeld;

    /** The memo of the execution whose context this is. */
    static PathMemo of(Context context) {
        PathMemo memo = context.get(IN_CONTEXT);
        if (memo == null) {
            memo = new PathMemo();
            context.set(IN_CONTEXT, memo);
        }
        return memo;
    }

    /** The nodes {@code path} reaches from {@code start} (or, backwards, reaches it), as ARQ's path engine lists them. */
    synchronized List<Node> ends(Graph graph, Node start, Path path, boolean forward, Context context) {
        Walk walk = new Walk(identity(graph), start, path, forward);
        List<Node> known = ends.get(walk);
        if (known != null) {
            return known;
        }
        Iterator<Node> walked = forward ? PathEval.eval(graph, start, path, context)
                : PathEval.evalReverse(graph, start, path, context);
        List<Node> found = new ArrayList<>();
        walked.forEachRemaining(found::add);
        if (nodesHeld + found.size() <= MAX_NODES) {
            ends.put(walk, found);
            nodesHeld += found.size() + 1;
        }
        return found;
    }
}
