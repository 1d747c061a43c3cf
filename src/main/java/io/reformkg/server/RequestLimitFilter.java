package io.reformkg.server;

import io.reformkg.http.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies above the server's size cap with 413 before anything reads them,
 * bodies of unknown length (chunked) with 411, since their size could only be learnt by
 * reading them, and parameters that are not percent-encoded UTF-8 with 400.
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
        // Jetty decodes parameters lazily and fails inside whichever servlet reads them first;
        // checking here makes a malformed query string the client's 400 everywhere
        if (request.getQueryString() != null && !isPercentEncodedUtf8(request.getQueryString())) {
            Responses.problem(response, HttpServletResponse.SC_BAD_REQUEST,
                    "malformed query string: parameters must be percent-encoded UTF-8");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isPercentEncodedUtf8(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                    || Character.digit(query.charAt(i + 2), 16) < 0) {
                return false;
            }
            bytes.write(Character.digit(query.charAt(i + 1), 16) * 16 + Character.digit(query.charAt(i + 2), 16));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
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
