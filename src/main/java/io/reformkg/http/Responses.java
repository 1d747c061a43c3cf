package io.reformkg.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/** Writes response bodies: ETags and 304s, gzip where the client accepts it, plain-text problems. */
public final class Responses {
    /** Bodies smaller than this are not worth compressing. */
    public static final int GZIP_THRESHOLD = 1024;

    private Responses() {
    }

    /**
     * Sends a body (or 304 Not Modified when the client holds this ETag), gzip-compressed when
     * the client accepts gzip. {@code etag} is a quoted entity tag, without the encoding.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, byte[] body, String contentType,
                     String etag) throws IOException {
        send(request, response, body, () -> gzip(body), contentType, etag);
    }

    /** As {@link #send(HttpServletRequest, HttpServletResponse, byte[], String, String)}, with the gzip form given. */
    public static void send(HttpServletRequest request, HttpServletResponse response, byte[] body, Supplier<byte[]> gzipped,
                     String contentType, String etag) throws IOException {
        response.addHeader("Vary", "Accept-Encoding");
        response.setHeader("Access-Control-Allow-Origin", "*");
        boolean gzip = body.length >= GZIP_THRESHOLD && acceptsGzip(request.getHeader("Accept-Encoding"));
        String tag = gzip ? gzipTag(etag) : etag;
        response.setHeader("ETag", tag);
        if (matches(request.getHeader("If-None-Match"), tag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] payload = gzip ? gzipped.get() : body;
        response.setContentType(contentType);
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(payload.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(payload);
        }
    }

    /**
     * Answers 304 Not Modified, before any body is computed, when the client holds this entity
     * in either form (plain or gzip); returns whether it did.
     */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        for (String tag : new String[] {etag, gzipTag(etag)}) {
            if (matches(ifNoneMatch, tag)) {
                response.addHeader("Vary", "Accept-Encoding");
                response.setHeader("ETag", tag);
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return true;
            }
        }
        return false;
    }

    private static String gzipTag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** Answers a request the server cannot serve with its status and a one-line explanation. */
    public static void problem(HttpServletResponse response, int status, String message) throws IOException {
        problem(response, status, message, 0);
    }

    private static void problem(HttpServletResponse response, int status, String message, long retryAfterSeconds)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(status);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** Answers with the problem's status and message, and its {@code Retry-After} if it has one. */
    public static void problem(HttpServletResponse response, HttpProblem problem) throws IOException {
        problem(response, problem.status(), problem.getMessage(), problem.retryAfterSeconds());
    }

    /** True when an Accept-Encoding header allows gzip (by name or "*", with a non-zero q). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.trim().split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                return quality(fields) > 0;
            }
        }
        return false;
    }

    private static double quality(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String parameter = fields[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /**
     * A strong entity tag for an answer fixed by the data version and a key naming what was
     * asked (query, parameters, format): it changes exactly when the answer may.
     */
    public static String etag(String dataVersion, String key) {
        return "\"" + sha256(dataVersion + "\n" + key).substring(0, 24) + "\"";
    }

    /** The SHA-256 digest of the text's UTF-8 bytes, in hexadecimal. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether an {@code If-None-Match} header value names this entity tag (or is {@code *}). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
