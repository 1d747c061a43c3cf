package io.reformkg.linkeddata;

import io.reformkg.http.HttpProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves every thing in the data and its documents, following the 303 pattern of "Cool URIs
 * for the Semantic Web": the thing's own path ({@code /body/MOST}) answers 303 See Other to the
 * document in the format the {@code Accept} header asks for ({@code /body/MOST.ttl},
 * {@code /body/MOST.html}); a document path answers 200. Unknown things and documents get 404,
 * an {@code Accept} header no format satisfies gets 406.
 */
final class ResourceServlet extends LinkedDataServlet {
    ResourceServlet(Supplier<LinkedDataSite> sites) {
        super(sites);
    }

    @Override
    void handle(LinkedDataSite site, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = LinkedDataSite.path(request);
        String iri = site.mapper().iri(path);
        if (site.exists(iri)) {
            redirectToDocument(request, response, path);
            return;
        }
        Document document = Document.parse(path)
                .orElseThrow(() -> HttpProblem.notFound("no resource " + iri + " in the dataset"));
        String thingIri = site.mapper().iri(document.thingPath());
        if (!site.exists(thingIri)) {
            throw HttpProblem.notFound("no resource " + thingIri + " in the dataset");
        }
        DocumentFormat format = DocumentFormat.byExtension(document.extension())
                .orElseThrow(() -> HttpProblem.notFound("no document " + path + ": " + thingIri
                        + " is described in " + DocumentFormat.extensions()));
        site.sendDocument(request, response, thingIri, document.thingPath(), format);
    }

    private void redirectToDocument(HttpServletRequest request, HttpServletResponse response, String path) {
        DocumentFormat format = DocumentFormat.negotiate(request.getHeader("Accept"))
                .orElseThrow(() -> HttpProblem.notAcceptable("cannot serve " + request.getHeader("Accept")
                        + "; this resource is available as " + DocumentFormat.offered()));
        String query = request.getQueryString();
        String location = request.getContextPath() + IriMapper.documentPath(path, format)
                + (query == null ? "" : "?" + query);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.addHeader("Vary", "Accept");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(0);
    }

    /** A document path split into the thing it describes and its format's extension. */
    record Document(String thingPath, String extension) {
        static Optional<Document> parse(String path) {
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                return Optional.empty();
            }
            String stem = name.substring(0, dot);
            String thing = stem.equals("index") ? path.substring(0, slash + 1) : path.substring(0, slash + 1) + stem;
            return Optional.of(new Document(thing, name.substring(dot + 1)));
        }
    }
}
