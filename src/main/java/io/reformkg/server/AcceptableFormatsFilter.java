package io.reformkg.server;

import io.reformkg.http.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.fuseki.DEF;

/**
 * Answers 406 when the {@code Accept} header of a request to the dataset endpoint names no format
 * the endpoint can answer in (Fuseki would quietly send its default instead): result tables,
 * booleans, graphs and datasets, in the formats Fuseki offers for each.
 */
final class AcceptableFormatsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final List<AcceptList> OFFERS = List.of(DEF.rsOfferTable, DEF.rsOfferBoolean, DEF.rdfOffer,
            DEF.quadsOffer);
    /** A GET without a query may also be a browser's, answered with a page about the endpoint. */
    private static final List<AcceptList> PAGE_OFFERS = Stream.concat(OFFERS.stream(),
            Stream.of(new AcceptList("text/html"))).toList();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String accept = request.getHeader("Accept");
        String path = request.getRequestURI();
        boolean aboutTheEndpoint = request.getMethod().equals("GET") && request.getQueryString() == null
                && (path.endsWith("/" + ReformServer.SPARQL_ENDPOINT) || path.endsWith("/query"));
        if (accept != null && !accept.isBlank() && !acceptable(accept, aboutTheEndpoint ? PAGE_OFFERS : OFFERS)) {
            Responses.problem(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "cannot answer in " + accept
                    + "; the endpoint answers in " + offered());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptable(String accept, List<AcceptList> offers) {
        AcceptList asked;
        try {
            asked = new AcceptList(accept);
        } catch (RuntimeException malformed) {
            // a header Jena cannot read is left to Fuseki, which answers it with its default
            return true;
        }
        return offers.stream().anyMatch(offer -> AcceptList.match(asked, offer) != null);
    }

    private static String offered() {
        return OFFERS.stream().flatMap(offer -> offer.entries().stream()).map(MediaRange::getContentTypeStr)
                .distinct().collect(Collectors.joining(", "));
    }
}
