package io.reformkg.linkeddata;

import io.reformkg.graph.IriScheme;
import io.reformkg.vocab.RKG;
import java.util.Optional;

/**
 * Maps the data's persistent IRIs to paths on this server and back, so the data keeps its
 * IRIs (under the configured base, ontology terms under {@link RKG#NS}) while a browser on a
 * laptop follows links to the local server: {@code /list/3/measure/12} names
 * {@code {base}list/3/measure/12}, {@code /def/Measure} names {@code rkg:Measure}.
 */
final class IriMapper {
    static final String ONTOLOGY_PATH = "/def/";

    private final String base;

    IriMapper(IriScheme iris) {
        this.base = iris.base();
    }

    /** The persistent IRI a server path (starting with "/", without the context path) names. */
    String iri(String path) {
        if (path.startsWith(ONTOLOGY_PATH)) {
            return RKG.NS + path.substring(ONTOLOGY_PATH.length());
        }
        return base + path.substring(1);
    }

    /** The server path of an IRI, or empty when the IRI lies outside the data's namespaces. */
    Optional<String> path(String iri) {
        if (iri.startsWith(RKG.NS)) {
            return Optional.of(ONTOLOGY_PATH + iri.substring(RKG.NS.length()));
        }
        if (iri.startsWith(base) && !iri.equals(base)) {
            String path = "/" + iri.substring(base.length());
            // a path under /def/ is reserved for the ontology's own namespace
            return path.startsWith(ONTOLOGY_PATH) ? Optional.empty() : Optional.of(path);
        }
        return Optional.empty();
    }

    /**
     * The document describing the thing at a path in one format: the path plus the format's
     * extension ({@code /body/MOST.ttl}), or {@code index.EXT} under a path ending in "/"
     * ({@code /def/index.ttl} describes the ontology {@code /def/}).
     */
    static String documentPath(String thingPath, DocumentFormat format) {
        return (thingPath.endsWith("/") ? thingPath + "index" : thingPath) + "." + format.extension();
    }
}
