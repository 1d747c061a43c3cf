package io.reformkg.server;

import io.reformkg.http.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses request bodies above the server's size cap with 413 before anything reads them, and
 * bodies of unknown length (chunked) with 411, since their size could only be learnt by
 * reading them.
 */
final class RequestLimitFilter extends HttpFilter {
    private static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;
    private final long maxBodyBytes;

    RequestLimitFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            drain(request, length);
            Responses.problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the request body has "
                    + length + " bytes; this server accepts at most " + maxBodyBytes);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            Responses.problem(response, HttpServletResponse.SC_LENGTH_REQUIRED,
                    "send the request body with a Content-Length (at most " + maxBodyBytes + " bytes)");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads a refused body of moderate size before answering: closing a connection with unread
     * data makes TCP reset it, and the client would lose the 413 too.
     */
    private static void drain(HttpServletRequest request, long length) throws IOException {
        if (length <= MAX_DRAIN_BYTES) {
            request.getInputStream().skipNBytes(length);
        }
    }
}
