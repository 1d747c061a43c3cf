package io.reformkg.server;

import io.reformkg.http.AnswerCache;
import io.reformkg.http.Responses;
import io.reformkg.store.CurrentStore.Derived;
import io.reformkg.store.CurrentStore;
import io.reformkg.store.GraphStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Answers repeated reads of the dataset endpoint from memory, and revalidations without
 * running the query. The graph is read-only between builds, so an answer is fixed by the data
 * version, the request target, its {@code Accept} header and, for a query POSTed as
 * {@code application/sparql-query} or a form, the query: that is its ETag, and a GET holding
 * it gets 304. Complete 200 answers up to a size cap are kept, per served
 * store, least recently used first out; errors and timeouts are never kept. A request with
 * {@code Cache-Control: no-cache} is answered afresh (and the fresh answer kept). The
 * {@code X-Cache} header says which it was.
 */
final class ResponseCacheFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String REVALIDATE = "no-cache";
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String SPARQL_QUERY = "application/sparql-query";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final transient CurrentStore store;
    private final transient Derived<AnswerCache> caches;

    ResponseCacheFilter(CurrentStore store, long maxCacheBytes) {
        this.store = store;
        this.caches = store.derived(served -> AnswerCache.keptIn(served.answersFolder(), "sparql", "", maxCacheBytes));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean get = method.equals("GET") || method.equals("HEAD");
        String contentType = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
        HttpServletRequest readable = request;
        StringBuilder key = new StringBuilder(get ? "GET" : method).append(' ').append(request.getRequestURI())
                .append('?').append(request.getQueryString()).append('\n').append(request.getHeader("Accept"));
        if (method.equals("POST") && contentType.startsWith(SPARQL_QUERY)) {
            // the body's size was checked by RequestLimitFilter; it is read once and handed on
            byte[] body = request.getInputStream().readAllBytes();
            readable = new ReplayedBody(request, body);
            key.append('\n').append(SPARQL_QUERY).append('\n').append(new String(body, StandardCharsets.UTF_8));
        } else if (method.equals("POST") && contentType.startsWith(FORM)) {
            key.append('\n').append(FORM);
            new TreeMap<>(request.getParameterMap()).forEach((name, values) ->
                    key.append('\n').append(name).append('=').append(String.join("\u0000", values)));
        } else if (!get) {
            chain.doFilter(request, response);
            return;
        }
        GraphStore served = store.get();
        AnswerCache cache = caches.of(served);
        String etag = Responses.etag(served.version(), key.toString());
        response.setHeader("ETag", etag);
        response.setHeader(CACHE_CONTROL, REVALIDATE);
        response.addHeader("Vary", "Accept");
        // only reads may be answered 304 (RFC 9110, 13.1.2); a POSTed query is answered in full
        if (get && Responses.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        AnswerCache.Answer kept = cache.find(request, key.toString()).orElse(null);
        response.setHeader(AnswerCache.STATUS_HEADER, kept == null ? "miss" : "hit");
        if (kept != null) {
            response.setContentType(kept.contentType());
            response.setContentLength(kept.body().length);
            if (!method.equals("HEAD")) {
                response.getOutputStream().write(kept.body());
            }
            return;
        }
        if (cache.maxAnswerBytes() == 0) {
            chain.doFilter(readable, response);
            return;
        }
        Recorder recorder = new Recorder(response, cache.maxAnswerBytes());
        chain.doFilter(readable, recorder);
        recorder.flushWriter();
        // an answer that may come from a store swapped in meanwhile is not kept under this one
        boolean sameStore = store.get() == served;
        if (!method.equals("HEAD") && recorder.getStatus() == HttpServletResponse.SC_OK && recorder.complete()
                && sameStore) {
            cache.keep(key.toString(), new AnswerCache.Answer(recorder.getContentType(), recorder.recorded(), ""));
        }
    }


    /**
     * Passes the answer through to the client while keeping a copy of up to {@code maxBytes};
     * an error status drops the ETag, which only a successful answer may carry.
     */
    private static final class Recorder extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final long maxBytes;
        private boolean overflowed;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Recorder(HttpServletResponse response, long maxBytes) {
            super(response);
            this.maxBytes = maxBytes;
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            dropValidatorsUnlessOk(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            dropValidatorsUnlessOk(status);
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            dropValidatorsUnlessOk(status);
            super.sendError(status);
        }

        private void dropValidatorsUnlessOk(int status) {
            if (status != SC_OK && !isCommitted()) {
                super.setHeader("ETag", null);
                super.setHeader(CACHE_CONTROL, "no-store");
            }
        }

        /** The caching headers are this filter's: Fuseki's {@code no-store} would forbid revalidation. */
        @Override
        public void setHeader(String name, String value) {
            if (!isCachingHeader(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!isCachingHeader(name)) {
                super.addHeader(name, value);
            }
        }

        private static boolean isCachingHeader(String name) {
            return CACHE_CONTROL.equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream target = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        target.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        target.write(bytes, offset, length);
                        keep(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        target.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return target.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        target.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                OutputStream out = getOutputStream();
                writer = new PrintWriter(new OutputStreamWriter(out, charset.toUpperCase(Locale.ROOT)));
            }
            return writer;
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        private void keep(byte[] bytes, int offset, int length) {
            if (overflowed || copy.size() + (long) length > maxBytes) {
                overflowed = true;
                copy.reset();
                return;
            }
            copy.write(bytes, offset, length);
        }

        boolean complete() {
            return !overflowed;
        }

        byte[] recorded() {
            return copy.toByteArray();
        }
    }

    /** The request with its body, already read to learn the query, readable again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read; read it blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(charset)));
        }
    }
}
