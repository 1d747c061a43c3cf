package io.reformkg.linkeddata;

import io.reformkg.export.RdfFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;

/**
 * The formats a thing's description is served in: HTML for browsers and every RDF
 * serialisation. The declaration order is the server's preference when a client accepts
 * several equally (so {@code *}{@code /*} gets HTML).
 */
enum DocumentFormat {
    HTML("html", "text/html", null, "application/xhtml+xml"),
    TURTLE(RdfFormat.TURTLE),
    JSONLD(RdfFormat.JSONLD, "application/json"),
    RDFXML(RdfFormat.RDFXML),
    NTRIPLES(RdfFormat.NTRIPLES),
    TRIG(RdfFormat.TRIG),
    NQUADS(RdfFormat.NQUADS);

    private final String extension;
    private final String mediaType;
    private final RdfFormat rdf;
    private final List<String> aliases;

    DocumentFormat(RdfFormat rdf, String... aliases) {
        this(rdf.extension(), rdf.contentType(), rdf, aliases);
    }

    DocumentFormat(String extension, String mediaType, RdfFormat rdf, String... aliases) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.rdf = rdf;
        this.aliases = List.of(aliases);
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /** The RDF serialisation, or empty for HTML. */
    Optional<RdfFormat> rdf() {
        return Optional.ofNullable(rdf);
    }

    static Optional<DocumentFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    /**
     * The format an {@code Accept} header asks for: HTML when the header is missing or blank,
     * empty when it accepts none of the formats (or cannot be parsed).
     */
    static Optional<DocumentFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(HTML);
        }
        List<String> offers = new ArrayList<>();
        for (DocumentFormat format : values()) {
            offers.add(format.mediaType);
        }
        for (DocumentFormat format : values()) {
            offers.addAll(format.aliases);
        }
        AcceptList ranges;
        try {
            ranges = new AcceptList(accept);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        // a range with q=0 refuses what it matches, even when a wider range (*/*) would accept it
        List<MediaRange> refused = ranges.entries().stream().filter(range -> range.get_q() <= 0).toList();
        List<MediaRange> accepted = ranges.entries().stream().filter(range -> range.get_q() > 0).toList();
        List<String> allowed = offers.stream()
                .filter(offer -> refused.stream().noneMatch(range -> range.accepts(MediaType.create(offer))))
                .toList();
        if (accepted.isEmpty() || allowed.isEmpty()) {
            return Optional.empty();
        }
        MediaType chosen = AcceptList.match(new AcceptList(accepted), AcceptList.create(allowed.toArray(String[]::new)));
        if (chosen == null) {
            return Optional.empty();
        }
        String type = chosen.getContentTypeStr();
        return Arrays.stream(values())
                .filter(f -> f.mediaType.equals(type) || f.aliases.contains(type))
                .findFirst();
    }

    /** The media types on offer, for a 406 message. */
    static String offered() {
        return Arrays.stream(values()).map(f -> f.mediaType).collect(Collectors.joining(", "));
    }

    /** The extensions on offer, for a 404 message. */
    static String extensions() {
        return Arrays.stream(values()).map(f -> "." + f.extension).collect(Collectors.joining(" "));
    }
}
