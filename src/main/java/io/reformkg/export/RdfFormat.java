package io.reformkg.export;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The RDF serialisations the graph is published in. Dataset formats keep the named graphs;
 * the others hold the union of all graphs.
 */
public enum RdfFormat {
    TRIG("trig", Lang.TRIG, RDFFormat.TRIG_BLOCKS, true),
    NQUADS("nq", Lang.NQUADS, RDFFormat.NQUADS, true),
    JSONLD("jsonld", Lang.JSONLD, RDFFormat.JSONLD11, true),
    TURTLE("ttl", Lang.TURTLE, RDFFormat.TURTLE_BLOCKS, false),
    NTRIPLES("nt", Lang.NTRIPLES, RDFFormat.NTRIPLES, false),
    RDFXML("rdf", Lang.RDFXML, RDFFormat.RDFXML_PLAIN, false);

    private final String extension;
    private final Lang lang;
    private final RDFFormat format;
    private final boolean dataset;

    RdfFormat(String extension, Lang lang, RDFFormat format, boolean dataset) {
        this.extension = extension;
        this.lang = lang;
        this.format = format;
        this.dataset = dataset;
    }

    public String extension() {
        return extension;
    }

    public Lang lang() {
        return lang;
    }

    public RDFFormat format() {
        return format;
    }

    /** True when the format keeps named graphs. */
    public boolean isDataset() {
        return dataset;
    }

    public String contentType() {
        return lang.getHeaderString();
    }

    public static Optional<RdfFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
