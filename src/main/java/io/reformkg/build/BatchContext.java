package io.reformkg.build;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * The in-memory graph one batch is inferred and validated in: the batch and the shared graphs it
 * refers to, then its inferences. It keeps the {@code rdf:type} triples apart as well, so that
 * "the types of this node" reads them alone. An in-memory graph answers that by scanning every
 * triple of the node, and once the inferences are in, a body or a section is the subject of
 * thousands ({@code rkg:guides}, {@code eli:has_part}); the shapes' {@code sh:class} asks it for
 * every value of every measure.
 */
final class BatchContext extends WrappedGraph {
    private static final Node TYPE = RDF.type.asNode();
    private final Graph types = GraphMemFactory.createDefaultGraphSameTerm();

    BatchContext() {
        super(GraphMemFactory.createDefaultGraphSameTerm());
    }

    @Override
    public void add(Triple triple) {
        super.add(triple);
        keepType(triple);
    }

    @Override
    public void performAdd(Triple triple) {
        super.performAdd(triple);
        keepType(triple);
    }

    @Override
    public void delete(Triple triple) {
        onlyGrows();
    }

    @Override
    public void performDelete(Triple triple) {
        onlyGrows();
    }

    @Override
    public void remove(Node subject, Node predicate, Node object) {
        onlyGrows();
    }

    @Override
    public void clear() {
        onlyGrows();
    }

    @Override
    public ExtendedIterator<Triple> find(Node subject, Node predicate, Node object) {
        return typesOf(subject, predicate) ? types.find(subject, predicate, object) : super.find(subject, predicate, object);
    }

    @Override
    public ExtendedIterator<Triple> find(Triple pattern) {
        return find(pattern.getMatchSubject(), pattern.getMatchPredicate(), pattern.getMatchObject());
    }

    @Override
    public boolean contains(Node subject, Node predicate, Node object) {
        return typesOf(subject, predicate) ? types.contains(subject, predicate, object) : super.contains(subject, predicate, object);
    }

    @Override
    public boolean contains(Triple triple) {
        return contains(triple.getSubject(), triple.getPredicate(), triple.getObject());
    }

    /** Deleting would have to keep the types in step; nothing deletes from a batch's context. */
    private static void onlyGrows() {
        throw new UnsupportedOperationException("a batch's context only grows");
    }

    private void keepType(Triple triple) {
        if (TYPE.equals(triple.getPredicate())) {
            types.add(triple);
        }
    }

    private static boolean typesOf(Node subject, Node predicate) {
        return subject != null && subject.isConcrete() && TYPE.equals(predicate);
    }
}
