package io.reformkg.server;

import io.reformkg.http.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies above the server's size cap, and query strings above 64 KiB, with 413
 * before anything reads them; compressed bodies ({@code Content-Encoding}) and unknown charsets
 * with 415, since a small compressed body can inflate past any cap;
 * bodies of unknown length (chunked) with 411, since their size could only be learnt by
 * reading them, and parameters that are not percent-encoded UTF-8 with 400.
 */
final class RequestLimitFilter extends HttpFilter {
    private static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;
    /** A query string longer than this is refused: a query that long belongs in a POST body. */
    static final int MAX_QUERY_STRING_BYTES = 64 * 1024;
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
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            drain(request, length);
            Responses.problem(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "compressed request bodies "
                    + "(Content-Encoding) are not accepted: send the body as it is, at most " + maxBodyBytes + " bytes");
            return;
        }
        String charset = request.getCharacterEncoding();
        if (charset != null && !isSupported(charset)) {
            drain(request, length);
            Responses.problem(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "unknown charset in the "
                    + "Content-Type; send the body as UTF-8");
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            Responses.problem(response, HttpServletResponse.SC_LENGTH_REQUIRED,
                    "send the request body with a Content-Length (at most " + maxBodyBytes + " bytes)");
            return;
        }
        String queryString = request.getQueryString();
        if (queryString != null && queryString.length() > MAX_QUERY_STRING_BYTES) {
            Responses.problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the query string has "
                    + queryString.length() + " bytes; this server accepts at most " + MAX_QUERY_STRING_BYTES
                    + " in a URL: send a longer query by POST (up to " + maxBodyBytes + " bytes)");
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
        if (length > 0) {
            drainUnread(request);
        }
    }

    /**
     * Reads what a refusing servlet left of a body (an update sent to the query endpoint, say).
     * Unread, Jetty may find it not yet arrived and close the connection after the answer, and a
     * client that reuses the connection then loses its next request.
     */
    private static void drainUnread(HttpServletRequest request) {
        try {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IllegalStateException | IOException readAlready) {
            // the servlet took the body as a reader, or the client went away: nothing left to drain
        }
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
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
