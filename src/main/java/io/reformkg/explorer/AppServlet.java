package io.reformkg.explorer;

import io.reformkg.http.Responses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Serves the page: {@code /} and {@code /explorer/} answer with index.html, {@code /explorer/X}
 * with the app's file X, and {@code /explorer/config.json} with what the page needs to know
 * about the data. The files are not versioned, so browsers revalidate them (ETag) every time.
 */
final class AppServlet extends HttpServlet {
    private static final String INDEX = "index.html";
    private static final String CONFIG = "config.json";
    private static final String REVALIDATE = "no-cache";

    private final transient ClasspathFiles files = new ClasspathFiles("explorer");
    private final transient Supplier<SiteConfig> configs;

    AppServlet(Supplier<SiteConfig> configs) {
        this.configs = configs;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = StaticFiles.relativePath(request);
        if (path.isEmpty()) {
            path = INDEX;
        }
        if (path.equals(CONFIG)) {
            byte[] config = configs.get().json();
            response.setHeader("Cache-Control", REVALIDATE);
            Responses.send(request, response, config, "application/json; charset=utf-8",
                    "\"" + Integer.toHexString(Arrays.hashCode(config)) + "\"");
            return;
        }
        StaticFiles.send(request, response, files, path, REVALIDATE);
    }
}
