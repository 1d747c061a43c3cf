package io.reformkg.explorer;

import io.reformkg.http.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Sends a classpath file with its caching headers, or a plain-text 404. */
final class StaticFiles {
    private StaticFiles() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, ClasspathFiles files,
                     String relativePath, String cacheControl) throws IOException {
        var file = files.find(relativePath);
        if (file.isEmpty()) {
            Responses.problem(response, HttpServletResponse.SC_NOT_FOUND,
                    "Not found: " + request.getRequestURI() + " (the explorer is at /)");
            return;
        }
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        Responses.send(request, response, file.get().body(), file.get().contentType(), file.get().etag());
    }

    /** The request path below the servlet's mount point, without its leading slash ("" for none). */
    static String relativePath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null || pathInfo.equals("/") ? "" : pathInfo.substring(1);
    }
}
