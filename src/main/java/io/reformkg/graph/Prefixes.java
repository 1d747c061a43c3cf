package io.reformkg.graph;

import io.reformkg.vocab.ELI;
import io.reformkg.vocab.PROV;
import io.reformkg.vocab.RKG;
import io.reformkg.vocab.SCHEMA;
import java.util.Map;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;

/** The prefixes every serialisation of the graph uses. */
public final class Prefixes {
    public static final Map<String, String> ALL = Map.ofEntries(
            Map.entry(RKG.PREFIX, RKG.NS),
            Map.entry(ELI.PREFIX, ELI.NS),
            Map.entry(PROV.PREFIX, PROV.NS),
            Map.entry(SCHEMA.PREFIX, SCHEMA.NS),
            Map.entry("org", ORG.NS),
            Map.entry("skos", SKOS.uri),
            Map.entry("dcterms", DCTerms.NS),
            Map.entry("dcat", DCAT.NS),
            Map.entry("void", VOID.NS),
            Map.entry("rdf", RDF.uri),
            Map.entry("rdfs", RDFS.uri),
            Map.entry("owl", OWL.NS),
            Map.entry("xsd", XSD.NS));

    private Prefixes() {
    }
}
