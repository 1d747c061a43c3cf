package io.reformkg.linkeddata;

import io.reformkg.http.HttpProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Serves the dataset's VoID/DCAT description at {@code /.well-known/void} (RFC 8615, VoID
 * §7.2). This is a document, not a thing, so it answers 200 with the format the
 * {@code Accept} header asks for (and {@code Vary: Accept}); the dataset itself is the thing
 * {@code {base}dataset}, served like every other.
 */
final class VoidServlet extends LinkedDataServlet {
    VoidServlet(Supplier<LinkedDataSite> sites) {
        super(sites);
    }

    @Override
    void handle(LinkedDataSite site, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!LinkedDataSite.path(request).equals(DatasetDescription.VOID_PATH)) {
            throw HttpProblem.notFound("no document " + LinkedDataSite.path(request));
        }
        DocumentFormat format = DocumentFormat.negotiate(request.getHeader("Accept"))
                .orElseThrow(() -> HttpProblem.notAcceptable("cannot serve " + request.getHeader("Accept")
                        + "; the dataset description is available as " + DocumentFormat.offered()));
        String dataset = site.iris().dataset();
        String thingPath = site.mapper().path(dataset).orElseThrow();
        response.addHeader("Vary", "Accept");
        response.setHeader("Content-Location", request.getContextPath() + IriMapper.documentPath(thingPath, format));
        site.sendDocument(request, response, dataset, thingPath, format);
    }
}
