package io.reformkg.vocab;

import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The SPARQL 1.1 Service Description terms the server describes itself with, and the W3C format IRIs. */
public final class SD {
    public static final String NS = "http://www.w3.org/ns/sparql-service-description#";
    public static final String PREFIX = "sd";
    public static final String FORMATS_NS = "http://www.w3.org/ns/formats/";

    public static final Resource Service = ResourceFactory.createResource(NS + "Service");
    public static final Resource Dataset = ResourceFactory.createResource(NS + "Dataset");
    public static final Resource Graph = ResourceFactory.createResource(NS + "Graph");
    public static final Resource NamedGraph = ResourceFactory.createResource(NS + "NamedGraph");
    public static final Resource SPARQL11Query = ResourceFactory.createResource(NS + "SPARQL11Query");
    public static final Resource UnionDefaultGraph = ResourceFactory.createResource(NS + "UnionDefaultGraph");

    public static final Property endpoint = ResourceFactory.createProperty(NS + "endpoint");
    public static final Property supportedLanguage = ResourceFactory.createProperty(NS + "supportedLanguage");
    public static final Property resultFormat = ResourceFactory.createProperty(NS + "resultFormat");
    public static final Property feature = ResourceFactory.createProperty(NS + "feature");
    public static final Property defaultDataset = ResourceFactory.createProperty(NS + "defaultDataset");
    public static final Property defaultGraph = ResourceFactory.createProperty(NS + "defaultGraph");
    public static final Property namedGraph = ResourceFactory.createProperty(NS + "namedGraph");
    public static final Property name = ResourceFactory.createProperty(NS + "name");

    /** The result formats the endpoint answers in, by their W3C format IRIs. */
    public static final List<Resource> RESULT_FORMATS = Stream.of(
            "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "JSON-LD", "N-Triples", "RDF_XML")
            .map(format -> ResourceFactory.createResource(FORMATS_NS + format)).toList();

    private SD() {
    }
}
