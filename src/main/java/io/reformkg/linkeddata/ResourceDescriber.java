package io.reformkg.linkeddata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;

/**
 * Describes one resource as quads, keeping the named graph each statement comes from:
 * <ul>
 * <li>its own statements, with the blank nodes they lead to (a concise bounded description);</li>
 * <li>the statements of the resources it owns — objects whose IRI extends its own, such as a
 *     measure's {@code …/measure/12/guidance/1} — so the order of guiding bodies travels with it;</li>
 * <li>the statements that point at it (with an IRI subject);</li>
 * <li>the {@code rdfs:label}s of every other resource mentioned, so a client can show names.</li>
 * </ul>
 * Statements of the dataset description (VoID) have no named graph: they are the default graph.
 * Callers hold a read transaction on the data.
 */
final class ResourceDescriber {
    private final DatasetGraph data;
    private final Graph metadata;

    ResourceDescriber(DatasetGraph data, Graph metadata) {
        this.data = data;
        this.metadata = metadata;
    }

    boolean exists(Node resource) {
        return data.contains(Node.ANY, resource, Node.ANY, Node.ANY) || metadata.contains(resource, Node.ANY, Node.ANY);
    }

    DatasetGraph describe(Node resource) {
        DatasetGraph description = DatasetGraphFactory.create();
        description.prefixes().putAll(data.prefixes());
        Set<Node> visited = new HashSet<>();
        Set<Node> mentioned = new HashSet<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(resource);
        while (!pending.isEmpty()) {
            Node subject = pending.pop();
            if (!visited.add(subject)) {
                continue;
            }
            forEachQuad(subject, Node.ANY, Node.ANY, quad -> {
                description.add(quad);
                Node object = quad.getObject();
                if (object.isBlank() || owns(resource, object)) {
                    pending.push(object);
                } else if (object.isURI()) {
                    mentioned.add(object);
                }
                mentioned.add(quad.getPredicate());
            });
        }
        forEachQuad(Node.ANY, Node.ANY, resource, quad -> {
            if (quad.getSubject().isURI()) {
                description.add(quad);
                mentioned.add(quad.getSubject());
            }
        });
        mentioned.removeAll(visited);
        for (Node other : mentioned) {
            forEachQuad(other, RDFS.label.asNode(), Node.ANY, description::add);
        }
        return description;
    }

    /** The distinct objects of a subject and property in a description, in no particular graph. */
    static List<Node> objects(DatasetGraph description, Node subject, Node property) {
        List<Node> objects = new ArrayList<>();
        description.find(Node.ANY, subject, property, Node.ANY).forEachRemaining(quad -> {
            if (!objects.contains(quad.getObject())) {
                objects.add(quad.getObject());
            }
        });
        return objects;
    }

    /** True when {@code other} is a part of {@code resource}, named under its IRI. */
    private static boolean owns(Node resource, Node other) {
        return other.isURI() && other.getURI().startsWith(resource.getURI() + "/");
    }

    private void forEachQuad(Node subject, Node predicate, Node object, Consumer<Quad> action) {
        Iterator<Quad> quads = data.find(Node.ANY, subject, predicate, object);
        quads.forEachRemaining(quad -> {
            if (!quad.isDefaultGraph()) {
                action.accept(quad);
            }
        });
        metadata.find(subject, predicate, object).forEachRemaining((Triple triple) ->
                action.accept(Quad.create(Quad.defaultGraphIRI, triple)));
    }
}
