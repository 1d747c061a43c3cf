package io.reformkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The schema.org terms (https namespace) the graph and its HTML pages use. */
public final class SCHEMA {
    public static final String NS = "https://schema.org/";
    public static final String PREFIX = "schema";

    public static final Resource Legislation = ResourceFactory.createResource(NS + "Legislation");
    public static final Resource GovernmentOrganization = ResourceFactory.createResource(NS + "GovernmentOrganization");
    public static final Resource AdministrativeArea = ResourceFactory.createResource(NS + "AdministrativeArea");

    public static final Property containedInPlace = ResourceFactory.createProperty(NS + "containedInPlace");
    public static final Property legislationResponsible = ResourceFactory.createProperty(NS + "legislationResponsible");

    private SCHEMA() {
    }
}
