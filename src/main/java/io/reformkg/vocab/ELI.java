package io.reformkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of the European Legislation Identifier ontology that the graph uses. */
public final class ELI {
    public static final String NS = "http://data.europa.eu/eli/ontology#";
    public static final String PREFIX = "eli";

    public static final Resource LegalResource = ResourceFactory.createResource(NS + "LegalResource");
    public static final Resource LegalResourceSubdivision = ResourceFactory.createResource(NS + "LegalResourceSubdivision");
    public static final Resource Format = ResourceFactory.createResource(NS + "Format");

    public static final Property title = ResourceFactory.createProperty(NS + "title");
    public static final Property description = ResourceFactory.createProperty(NS + "description");
    public static final Property number = ResourceFactory.createProperty(NS + "number");
    public static final Property is_part_of = ResourceFactory.createProperty(NS + "is_part_of");
    public static final Property has_part = ResourceFactory.createProperty(NS + "has_part");
    public static final Property responsibility_of = ResourceFactory.createProperty(NS + "responsibility_of");
    public static final Property is_embodied_by = ResourceFactory.createProperty(NS + "is_embodied_by");

    private ELI() {
    }
}
