package io.reformkg.query;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The dataset as the named queries see it: the default graph is the union of the named graphs
 * (sources, reference data, ontology, inferences), as Fuseki's unionDefaultGraph makes it; the
 * named graphs and the context (e.g. a text index) are those of the dataset, linked, not copied.
 */
public final class UnionDefaultGraph {
    private UnionDefaultGraph() {
    }

    /** The view of {@code dataset}; use it inside a read transaction on {@code dataset}. */
    static DatasetGraph of(DatasetGraph dataset) {
        if (isTdb2Within(dataset)) {
            Context context = dataset.getContext().copy();
            context.set(TDB2.symUnionDefaultGraph, true);
            return new DatasetGraphWrapper(dataset, context);
        }
        DatasetGraph view = DatasetGraphFactory.createGeneral(dataset.getUnionGraph());
        dataset.listGraphNodes().forEachRemaining(name -> view.addGraph(name, dataset.getGraph(name)));
        view.getContext().putAll(dataset.getContext());
        return view;
    }

    /**
     * A TDB2 store under any wrappers (the text index wraps it). ARQ then runs queries on TDB2's
     * own engine, which joins node ids and reads the union flag from the context; its general
     * engine, given a view of the union, would make a node of every quad it reads first — some
     * 25× slower at a million measures.
     */
    public static boolean isTdb2Within(DatasetGraph dataset) {
        for (DatasetGraph inner = dataset; inner != null;
                inner = inner instanceof DatasetGraphWrapper wrapper ? wrapper.getWrapped() : null) {
            if (TDBInternal.isTDB2(inner)) {
                return true;
            }
        }
        return false;
    }
}
