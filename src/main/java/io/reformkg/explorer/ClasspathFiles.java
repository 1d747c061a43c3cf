package io.reformkg.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Files under one classpath folder, looked up by a request path that has been checked: only
 * plain relative names (letters, digits, {@code - _ . @ +} and {@code /}) with no empty,
 * {@code .} or {@code ..} segment reach the class loader, so no request can climb out of
 * the folder. Files are read once and kept with their ETag.
 */
final class ClasspathFiles {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_@+\\-.]+(/[A-Za-z0-9_@+\\-.]+)*");
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** A file's bytes, content type and entity tag. */
    record File(byte[] body, String contentType, String etag) {
    }

    private final String folder;
    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /** {@code folder} is a classpath folder without leading or trailing slash. */
    ClasspathFiles(String folder) {
        this.folder = folder;
    }

    /** The file at a relative path, or empty when there is none or the path is not a plain one. */
    Optional<File> find(String relativePath) {
        if (!isSafe(relativePath)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(relativePath, this::load);
    }

    static boolean isSafe(String relativePath) {
        if (relativePath == null || !SAFE_PATH.matcher(relativePath).matches()) {
            return false;
        }
        for (String segment : relativePath.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private Optional<File> load(String relativePath) {
        String contentType = contentType(relativePath);
        if (contentType == null) {
            return Optional.empty();
        }
        try (InputStream in = ClasspathFiles.class.getClassLoader().getResourceAsStream(folder + "/" + relativePath)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            return Optional.of(new File(body, contentType, etag(body)));
        } catch (IOException e) {
            // a folder on a file-system classpath opens as a stream of its listing; treat as absent
            return Optional.empty();
        }
    }

    private static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : CONTENT_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is not available", e));
        }
    }
}
