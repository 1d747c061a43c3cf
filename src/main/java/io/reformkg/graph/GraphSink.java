package io.reformkg.graph;

import org.apache.jena.rdf.model.Model;

/**
 * Receives the named graphs {@link GraphBuilder} makes, one at a time, so a store can load a
 * corpus list by list without holding all of it: an in-memory dataset adds each graph, a TDB2
 * bulk load streams it.
 */
@FunctionalInterface
public interface GraphSink {
    void accept(String graphIri, Model graph);
}
