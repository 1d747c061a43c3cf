package io.reformkg.linkeddata;

import io.reformkg.http.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Serves the published JSON-LD context at {@code /context.jsonld}. */
final class ContextServlet extends LinkedDataServlet {
    ContextServlet(LinkedDataSite site) {
        super(site);
    }

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.send(request, response, site.contextDocument(), DocumentFormat.JSONLD.contentType(),
                "\"" + site.version() + "-context\"");
    }
}
