package io.reformkg.server;

import io.reformkg.query.UnionDefaultGraph;
import io.reformkg.query.engine.MemoizedPathExecutor;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;

/**
 * The dataset as the server shows it: read-only, with the default graph the union of the named
 * graphs (the asserted data and every source's graph), and its own query timeout. The store
 * keeps an empty default graph; this view only changes what queries and the Graph Store
 * Protocol see.
 * <p>
 * ARQ runs a query on a wrapper's inner dataset. For TDB2 that is wanted — its own engine is
 * fastest and reads the union flag from the context — but for any other dataset the inner
 * default graph would be the empty one, so that view is a {@link DatasetGraphWrapperView},
 * which ARQ queries as it is. Either way ARQ's executor is the project's
 * {@link MemoizedPathExecutor}, so a path joined to many rows is walked once per start node.
 */
class ServedDataset extends DatasetGraphReadOnly {
    private ServedDataset(DatasetGraph base, Context context) {
        super(base, context);
    }

    static ServedDataset of(DatasetGraph base, long queryTimeoutMillis) {
        Context context = Context.mergeCopy(ARQ.getContext(), base.getContext());
        context.set(ARQ.queryTimeout, queryTimeoutMillis);
        // the endpoint refuses SERVICE before running a query; this keeps any other way in shut
        context.set(ARQ.httpServiceAllowed, false);
        QC.setFactory(context, MemoizedPathExecutor.FACTORY);
        if (UnionDefaultGraph.isTdb2Within(base)) {
            context.set(TDB2.symUnionDefaultGraph, true);
            return new ServedDataset(base, context);
        }
        return new UnionView(base, context);
    }

    /** The default graph as the Graph Store Protocol and ARQ's general engine read it. */
    @Override
    public Graph getDefaultGraph() {
        return new GraphReadOnly(get().getUnionGraph());
    }

    private static final class UnionView extends ServedDataset implements DatasetGraphWrapperView {
        private UnionView(DatasetGraph base, Context context) {
            super(base, context);
        }
    }
}
