package io.reformkg.query;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * The dataset as the named queries see it: the default graph is the union of the named graphs
 * (sources, reference data, ontology, inferences), as Fuseki's unionDefaultGraph makes it; the
 * named graphs and the context (e.g. a text index) are those of the dataset, linked, not copied.
 */
final class UnionDefaultGraph {
    private UnionDefaultGraph() {
    }

    /** The view of {@code dataset}; use it inside a read transaction on {@code dataset}. */
    static DatasetGraph of(DatasetGraph dataset) {
        DatasetGraph view = DatasetGraphFactory.createGeneral(dataset.getUnionGraph());
        dataset.listGraphNodes().forEachRemaining(name -> view.addGraph(name, dataset.getGraph(name)));
        view.getContext().putAll(dataset.getContext());
        return view;
    }
}
