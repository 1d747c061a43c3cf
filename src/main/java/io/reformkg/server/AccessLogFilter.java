package io.reformkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One short line per request: method, path and query (shortened), status, time taken. */
final class AccessLogFilter extends HttpFilter {
    static final Logger LOG = LoggerFactory.getLogger("io.reformkg.server.access");
    private static final int MAX_TARGET_CHARS = 160;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {} {} {}ms", request.getMethod(), target(request), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static String target(HttpServletRequest request) {
        String query = request.getQueryString();
        String target = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        return target.length() <= MAX_TARGET_CHARS ? target : target.substring(0, MAX_TARGET_CHARS) + "…";
    }
}
