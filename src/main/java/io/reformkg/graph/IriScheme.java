package io.reformkg.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The IRI scheme of the data: every IRI is the configured base plus a path built from
 * identifiers (batch numbers, measure numbers, abbreviations, division codes) — never from
 * Chinese text — so IRIs stay stable when labels change. See docs/iri-scheme.md.
 */
public record IriScheme(String base) {
    public static final String DEFAULT_BASE = "https://w3id.org/reform-kg/";

    public IriScheme {
        try {
            URI uri = new URI(base);
            if (!uri.isAbsolute() || uri.getHost() == null || !base.endsWith("/") || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException("the IRI base must be an absolute http(s) IRI ending in \"/\" "
                        + "with no query or fragment, for example " + DEFAULT_BASE + "; found \"" + base + "\"");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the IRI base \"" + base + "\" is not a valid IRI: " + e.getReason());
        }
    }

    public static IriScheme defaults() {
        return new IriScheme(DEFAULT_BASE);
    }

    public String list(int batch) {
        return base + "list/" + batch;
    }

    public String section(int batch, int section) {
        return list(batch) + "/section/" + section;
    }

    public String measure(int batch, int number) {
        return list(batch) + "/measure/" + number;
    }

    public String guidance(int batch, int number, int position) {
        return measure(batch, number) + "/guidance/" + position;
    }

    public String source(int batch) {
        return base + "source/" + batch;
    }

    public String category(String id) {
        return base + "category/" + id;
    }

    public String scope(String id) {
        return base + "scope/" + id;
    }

    /** A scope naming divisions, under the scope {@code broaderId}: their codes in the given order. */
    public String divisionScope(String broaderId, List<String> divisionCodes) {
        return scope(broaderId) + "/" + String.join("-", divisionCodes);
    }

    public String body(String id) {
        return base + "body/" + id;
    }

    public String bodyKind(String id) {
        return base + "body-kind/" + id;
    }

    public String changeEvent(String dissolvedBodyId) {
        return base + "event/" + dissolvedBodyId + "-reorganisation";
    }

    public String region(String id) {
        return base + "region/" + id;
    }

    public String division(String code) {
        return base + "division/" + code;
    }

    /** A co-guidance link; body ids are sorted so the link has one IRI whichever end is named first. */
    public String coGuidance(String bodyA, String bodyB) {
        return bodyA.compareTo(bodyB) < 0 ? base + "coguidance/" + bodyA + "-" + bodyB
                : base + "coguidance/" + bodyB + "-" + bodyA;
    }

    /**
     * One IRI of every kind this scheme mints, so the server can learn the paths the data lives
     * under without reading the data.
     */
    public List<String> oneOfEachKind() {
        return List.of(list(1), section(1, 1), measure(1, 1), guidance(1, 1, 1), source(1), category("c"),
                scope("s"), divisionScope("s", List.of("0")), body("b"), bodyKind("k"), changeEvent("b"), region("r"), division("0"),
                coGuidance("a", "b"), dataset(), sourceGraph(1), referenceGraph(), ontologyGraph(), inferredGraph());
    }

    public String dataset() {
        return base + "dataset";
    }

    /** The named graph of one source's asserted data. */
    public String sourceGraph(int batch) {
        return base + "graph/source/" + batch;
    }

    public String referenceGraph() {
        return base + "graph/reference";
    }

    public String ontologyGraph() {
        return base + "graph/ontology";
    }

    public String inferredGraph() {
        return base + "graph/inferred";
    }
}
