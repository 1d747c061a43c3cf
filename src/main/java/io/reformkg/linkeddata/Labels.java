package io.reformkg.linkeddata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Finds the name to show for a resource in the reader's language: an {@code rdfs:label} or
 * {@code skos:prefLabel} in the first language of {@link ReaderLanguage#preference()} that has
 * one, else the IRI as a prefixed name (or in full). Callers hold a read
 * transaction on the data.
 */
final class Labels {
    private final List<Graph> graphs;
    private final PrefixMapping prefixes;
    private final String base;

    Labels(List<Graph> graphs, Map<String, String> prefixes, String base) {
        this.graphs = List.copyOf(graphs);
        this.base = base;
        this.prefixes = PrefixMapping.Factory.create().setNsPrefixes(prefixes);
    }

    /** A label to show, with its language tag ("" when untagged). */
    record Label(String text, String language) {
    }

    Label of(Node resource, ReaderLanguage reader) {
        if (!resource.isURI()) {
            return new Label(resource.toString(), "");
        }
        List<Node> labels = all(resource);
        for (String language : reader.preference()) {
            for (Node label : labels) {
                if (label.getLiteralLanguage().equalsIgnoreCase(language)) {
                    return new Label(label.getLiteralLexicalForm(), label.getLiteralLanguage());
                }
            }
        }
        return new Label(shortName(resource.getURI()), "");
    }

    /** Every rdfs:label and skos:prefLabel literal of a resource, without duplicates. */
    List<Node> all(Node resource) {
        List<Node> labels = new ArrayList<>();
        for (Node property : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode())) {
            for (Graph graph : graphs) {
                graph.find(resource, property, Node.ANY).forEachRemaining(triple -> {
                    Node label = triple.getObject();
                    if (label.isLiteral() && !labels.contains(label)) {
                        labels.add(label);
                    }
                });
            }
        }
        return labels;
    }

    /**
     * The IRI as a prefixed name such as {@code eli:title}, its path under the data's base such
     * as {@code list/3/measure/12/guidance/1}, or the whole IRI.
     */
    String shortName(String iri) {
        if (iri.startsWith(base) && iri.length() > base.length() && prefixes.qnameFor(iri) == null) {
            return iri.substring(base.length());
        }
        String prefixed = prefixes.qnameFor(iri);
        return prefixed != null ? prefixed : iri;
    }
}
