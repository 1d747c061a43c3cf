package io.reformkg.server;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself — a path nothing is served at (404) — as one line of plain
 * text naming the path, like every other refusal of the server, instead of Jetty's HTML page.
 */
final class PlainTextErrors extends ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        String line = reason + ": " + request.getHttpURI().getPath() + "\n";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.write(true, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
