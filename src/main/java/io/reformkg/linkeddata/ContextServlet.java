package io.reformkg.linkeddata;

import io.reformkg.http.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** Serves the published JSON-LD context at {@code /context.jsonld}. */
final class ContextServlet extends LinkedDataServlet {
    ContextServlet(Supplier<LinkedDataSite> sites) {
        super(sites);
    }

    @Override
    void handle(LinkedDataSite site, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.send(request, response, site.contextDocument(), DocumentFormat.JSONLD.contentType(),
                "\"" + site.version() + "-context\"");
    }
}
