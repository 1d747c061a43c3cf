package io.reformkg.server;

import io.reformkg.http.Admission;
import io.reformkg.http.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;

/**
 * The first filter of every request: notes its arrival (its deadline counts from here), refuses
 * TRACE, and puts the headers that keep a browser safe on every response, refusals included:
 * no content sniffing, no framing by other sites, no referrer sent to them, and a
 * Content-Security-Policy that lets a page run only the server's own scripts. It also opens
 * reading to pages of any site (CORS), answering their preflight requests: the data is public,
 * read-only and needs no credentials, and Fuseki's own CORS handler answered no origin.
 */
final class HardeningFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /**
     * Scripts, styles, images and requests from the server only. Styles may also be inline:
     * Cytoscape and YASGUI insert style elements of their own as they start (under
     * {@code style-src 'self'} Chromium blocks them and the network and the SPARQL editor break).
     * Scripts may not: the explorer runs only its own files.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Expose-Headers", "ETag, Link, Retry-After, X-Cache");
    private static final Map<String, String> PREFLIGHT = Map.of(
            "Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS",
            "Access-Control-Allow-Headers", "Accept, Accept-Language, Cache-Control, Content-Type, If-None-Match",
            "Access-Control-Max-Age", "600");

    private final transient Admission admission;

    HardeningFilter(Admission admission) {
        this.admission = admission;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        admission.arrived(request);
        HttpServletResponse hardened = new Hardened(response);
        if (request.getMethod().equals("TRACE") || request.getMethod().equals("TRACK")) {
            hardened.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            Responses.problem(hardened, HttpServletResponse.SC_METHOD_NOT_ALLOWED, request.getMethod()
                    + " is not allowed on this server");
            return;
        }
        if (request.getMethod().equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null) {
            PREFLIGHT.forEach(hardened::setHeader);
            hardened.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, hardened);
    }

    /** Puts the headers back when a refusal resets the response. */
    private static final class Hardened extends HttpServletResponseWrapper {
        Hardened(HttpServletResponse response) {
            super(response);
            HEADERS.forEach(response::setHeader);
        }

        @Override
        public void reset() {
            super.reset();
            HEADERS.forEach(this::setHeader);
        }
    }
}
