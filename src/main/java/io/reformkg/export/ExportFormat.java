package io.reformkg.export;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code reform-kg export} can write: the graph in each {@link RdfFormat}, and for
 * analysis tools CSV tables, the body co-guidance network as GraphML and GEXF, and a JSON
 * document of measures and bodies.
 */
public enum ExportFormat {
    TRIG(RdfFormat.TRIG),
    NQUADS(RdfFormat.NQUADS),
    JSONLD(RdfFormat.JSONLD),
    TURTLE(RdfFormat.TURTLE),
    NTRIPLES(RdfFormat.NTRIPLES),
    RDFXML(RdfFormat.RDFXML),
    CSV(null),
    GRAPHML(null),
    GEXF(null),
    JSON(null);

    /** The name that selects every format. */
    public static final String ALL = "all";

    private final RdfFormat rdf;

    ExportFormat(RdfFormat rdf) {
        this.rdf = rdf;
    }

    /** The RDF serialisation, or empty for the analysis formats. */
    public Optional<RdfFormat> rdf() {
        return Optional.ofNullable(rdf);
    }

    /** The name on the command line: the RDF file extension ({@code ttl}, {@code nt}, …) or csv, graphml, gexf, json. */
    public String cliName() {
        return rdf != null ? rdf.extension() : name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a format list such as {@code ttl}, {@code csv,graphml} or {@code all}. RDF formats
     * may also be named in full ({@code turtle}, {@code ntriples}, {@code rdfxml}, …).
     */
    public static Set<ExportFormat> parse(String text) {
        Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.equals(ALL)) {
                return EnumSet.allOf(ExportFormat.class);
            }
            formats.add(Arrays.stream(values())
                    .filter(f -> f.cliName().equals(name) || f.name().toLowerCase(Locale.ROOT).equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown export format \"" + part.trim()
                            + "\"; use one of: " + names())));
        }
        return formats;
    }

    /** Every name {@link #parse} accepts, for help and error messages. */
    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", ")) + ", " + ALL;
    }
}
