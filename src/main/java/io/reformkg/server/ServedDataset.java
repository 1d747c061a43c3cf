package io.reformkg.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;

/**
 * The dataset as the server shows it: read-only, with the default graph the union of the named
 * graphs (the asserted data and every source's graph), and its own query timeout. The store
 * keeps an empty default graph; this view only changes what queries and the Graph Store
 * Protocol see.
 */
final class ServedDataset extends DatasetGraphReadOnly {
    private ServedDataset(DatasetGraph base, Context context) {
        super(base, context);
    }

    static ServedDataset of(DatasetGraph base, long queryTimeoutMillis) {
        Context context = Context.mergeCopy(ARQ.getContext(), base.getContext());
        context.set(ARQ.queryTimeout, queryTimeoutMillis);
        // TDB2 answers queries with its own engine, which reads the union flag from the context
        context.set(TDB2.symUnionDefaultGraph, true);
        return new ServedDataset(base, context);
    }

    @Override
    public Graph getDefaultGraph() {
        return new GraphReadOnly(get().getUnionGraph());
    }
}
