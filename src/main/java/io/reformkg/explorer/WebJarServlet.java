package io.reformkg.explorer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the browser libraries packaged as WebJars ({@code META-INF/resources/webjars/...} on
 * the classpath) at {@code /webjars/name/version/file}. Their paths carry the version, so they
 * are cached for a year.
 */
final class WebJarServlet extends HttpServlet {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final transient ClasspathFiles files = new ClasspathFiles("META-INF/resources/webjars");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaticFiles.send(request, response, files, StaticFiles.relativePath(request), IMMUTABLE);
    }
}
