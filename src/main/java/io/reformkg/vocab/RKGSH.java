package io.reformkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The namespace of the project's SHACL shapes ({@code ontology/shapes.ttl}) and their annotations. */
public final class RKGSH {
    public static final String NS = "https://w3id.org/reform-kg/shapes/";
    public static final String PREFIX = "rkgsh";

    /**
     * Marks a shape whose constraints count over the measures of every list (a co-guidance
     * link's weight): a batched build checks it once the store holds every list.
     */
    public static final Property countsOverEveryList = ResourceFactory.createProperty(NS + "countsOverEveryList");

    private RKGSH() {
    }
}
