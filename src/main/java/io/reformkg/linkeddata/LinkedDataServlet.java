package io.reformkg.linkeddata;

import io.reformkg.http.HttpProblem;
import io.reformkg.http.Responses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of the linked-data servlets: answers GET (and so HEAD); a request it cannot serve
 * gets its 4xx status and a one-line message, an internal failure a 500 without a stack trace.
 */
abstract class LinkedDataServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(LinkedDataServlet.class);

    private final transient Supplier<LinkedDataSite> sites;

    LinkedDataServlet(Supplier<LinkedDataSite> sites) {
        this.sites = sites;
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            // one site, so one graph, for the whole answer even if a rebuild swaps in another
            handle(sites.get(), request, response);
        } catch (HttpProblem problem) {
            Responses.problem(response, problem.status(), problem.getMessage());
        } catch (RuntimeException failure) {
            LOG.error("cannot answer {}", request.getRequestURI(), failure);
            Responses.problem(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "the server failed to answer this request; the failure is logged");
        }
    }

    abstract void handle(LinkedDataSite site, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
