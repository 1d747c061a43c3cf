package io.reformkg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * Turns IRIs into links for one request: IRIs in the data's namespaces point at this server
 * (under its context path, keeping a {@code ?lang=} choice); other http(s) IRIs link out.
 */
final class PageLinks {
    private final IriMapper mapper;
    private final String origin;
    private final String contextPath;
    private final ReaderLanguage reader;

    PageLinks(IriMapper mapper, HttpServletRequest request, ReaderLanguage reader) {
        this.mapper = mapper;
        this.origin = request.getScheme() + "://" + hostAndPort(request);
        this.contextPath = request.getContextPath();
        this.reader = reader;
    }

    private static String hostAndPort(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return host + ":" + request.getServerPort();
    }

    /** Where a link to the resource goes, or empty when it has no web address to follow. */
    Optional<String> href(Node resource) {
        if (!resource.isURI()) {
            return Optional.empty();
        }
        Optional<String> local = mapper.path(resource.getURI());
        if (local.isPresent()) {
            return Optional.of(page(local.get()));
        }
        String iri = resource.getURI();
        return iri.startsWith("http://") || iri.startsWith("https://") ? Optional.of(iri) : Optional.empty();
    }

    /** A page of this server, keeping the reader's chosen language. */
    String page(String path) {
        return contextPath + path + reader.linkQuery();
    }

    /** A file of this server (a dump, an RDF document), where language does not matter. */
    String file(String path) {
        return contextPath + path;
    }

    /** The absolute address of a resource on this server, or the IRI itself when it lies elsewhere. */
    String absolute(Node resource) {
        return mapper.path(resource.getURI()).map(path -> origin + contextPath + path).orElse(resource.getURI());
    }

    /** The absolute address of a path on this server. */
    String absolute(String path) {
        return origin + contextPath + path;
    }
}
