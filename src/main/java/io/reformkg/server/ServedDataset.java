package io.reformkg.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.sparql.util.Context;

/**
 * The dataset as the server shows it: read-only, with the default graph the union of the named
 * graphs (the asserted data and every source's graph), and its own query timeout. The store
 * keeps an empty default graph; this view only changes what queries and the Graph Store
 * Protocol see. It is a {@link DatasetGraphWrapperView} so that the query engine queries this
 * view instead of unwrapping it to the store's dataset.
 */
final class ServedDataset extends DatasetGraphReadOnly implements DatasetGraphWrapperView {
    private ServedDataset(DatasetGraph base, Context context) {
        super(base, context);
    }

    static ServedDataset of(DatasetGraph base, long queryTimeoutMillis) {
        Context context = Context.mergeCopy(ARQ.getContext(), base.getContext());
        context.set(ARQ.queryTimeout, queryTimeoutMillis);
        return new ServedDataset(base, context);
    }

    @Override
    public Graph getDefaultGraph() {
        return new GraphReadOnly(get().getUnionGraph());
    }
}
