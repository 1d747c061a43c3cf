package io.reformkg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** What the load drivers share: server processes, SPARQL over HTTP, the test queries. */
final class BenchHttp {
    /** Answered by every server alike as soon as it serves. */

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    BenchHttp(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * A SPARQL endpoint: Reform KG's and plain Fuseki's take the query as the POST's body; Virtuoso
     * 7.2 waits for more on such a request, so it gets the query as an HTML form's field.
     */
    record Endpoint(URI uri, boolean form) {
        /** Reform KG's or plain Fuseki's endpoint on a loopback port. */
        static Endpoint kg(int port) {
            return new Endpoint(URI.create("http://127.0.0.1:" + port + "/kg/sparql"), false);
        }

        static Endpoint virtuoso(int port) {
            return new Endpoint(URI.create("http://127.0.0.1:" + port + "/sparql"), true);
        }
    }

    /** {@link #ask(Endpoint, String, String...)} at Reform KG's or plain Fuseki's endpoint. */
    List<String> ask(int port, String sparql, String... headers) {
        return ask(Endpoint.kg(port), sparql, headers);
    }

    /**
     * Runs a query POSTed to the endpoint: a SELECT's rows as tab-joined lexical forms, or an
     * ASK's answer as one row {@code true}/{@code false}.
     */
    List<String> ask(Endpoint endpoint, String sparql, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri())
                .header("Accept", "application/sparql-results+json")
                .timeout(timeout);
        if (endpoint.form()) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                    .ofString("query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)));
        } else {
            request.header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(sparql));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new NotAnswered(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        if (QueryFactory.create(sparql).isAskType()) {
            return List.of(String.valueOf(ResultSetMgr.readBoolean(new ByteArrayInputStream(response.body()),
                    ResultSetLang.RS_JSON)));
        }
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON);
        List<String> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution solution = results.next();
            List<String> values = new ArrayList<>();
            for (String variable : results.getResultVars()) {
                RDFNode value = solution.get(variable);
                values.add(value == null ? "" : value.isLiteral() ? value.asLiteral().getLexicalForm() : value.toString());
            }
            rows.add(String.join("\t", values));
        }
        return rows;
    }

    /** What a load run got: answers received in the time, and answers that differed from the reference. */
    record Load(long answered, long wrong, double perSecond) {
    }

    /**
     * {@code clients} threads run the queries in rotation (each starting at its own offset) for
     * {@code duration}; every answer is compared with {@code reference} (by the query's name), in
     * order or, when {@code unordered}, as sorted rows (ties of an ORDER BY may come in any order).
     */
    Load load(int port, int clients, Duration duration, Map<String, String> queries,
            Map<String, List<String>> reference, boolean unordered, String... headers) throws InterruptedException {
        return load(Endpoint.kg(port), clients, duration, queries, reference, unordered, headers);
    }

    /** {@link #load(int, int, Duration, Map, Map, boolean, String...)} at any endpoint. */
    Load load(Endpoint endpoint, int clients, Duration duration, Map<String, String> queries,
            Map<String, List<String>> reference, boolean unordered, String... headers) throws InterruptedException {
        List<String> names = List.copyOf(queries.keySet());
        AtomicLong answered = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                running.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        String name = names.get(i % names.size());
                        List<String> answer = ask(endpoint, queries.get(name), headers);
                        List<String> rows = unordered ? answer.stream().sorted().toList() : answer;
                        if (System.nanoTime() < end) {
                            answered.incrementAndGet();
                            if (!rows.equals(reference.get(name))) {
                                wrong.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Load(answered.get(), wrong.get(), answered.get() / (duration.toMillis() / 1000.0));
    }

    /** GETs a path of the server; fails on any status but 200. Returns the body's length. */
    int get(int port, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(timeout).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new NotAnswered(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code serve} options that give one address the per-client allowance of {@code clients}
     * clients (docs/serving.md, "Read-only and limits"): a load driver's clients all come from
     * 127.0.0.1, where the defaults would answer the third and later concurrent queries of that
     * one "client" by queueing and the eleventh by 429. The server-wide limits stay at their defaults.
     */
    static List<String> oneAddressAsClients(int clients) {
        return List.of("--client-queries", String.valueOf(clients), "--client-queue", String.valueOf(clients),
                "--client-time", clients * 60 + "s");
    }

    /**
     * The JVM option that maps the class-data archive {@code mvn package} makes beside the jar, as
     * README starts the server (docs/serving.md, "Start-up").
     */
    static String classDataArchive(Path reformJar) {
        Path archive = reformJar.resolveSibling("reform-kg.jsa");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException(archive + " is missing; run mvn package first");
        }
        return "-XX:SharedArchiveFile=" + archive;
    }

    /** Starts a server command in {@code work}, its output appended to {@code log}; PORT in the command becomes the port. */
    static Process launch(List<String> command, int port, Path work, Path log) throws IOException {
        List<String> resolved = command.stream().map(part -> part.equals("PORT") ? String.valueOf(port) : part).toList();
        return new ProcessBuilder(resolved).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until the server answers the {@code ready} probe. */
    void awaitReady(Process process, int port, Path log) throws InterruptedException {
        awaitReady(process, Endpoint.kg(port), log);
    }

    void awaitReady(Process process, Endpoint endpoint, Path log) throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                ask(endpoint, BenchQueries.probe("ready"));
                return;
            } catch (UncheckedIOException | NotAnswered notYet) {
                Thread.sleep(20);
            }
        }
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Runs a command to its end, its output in {@code log}; fails on a non-zero status. */
    static void run(List<String> command, Path log) throws IOException, InterruptedException {
        int status = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + status + "; see " + log);
        }
    }


    /** A loopback port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The server answered with an error status (e.g. not ready yet). */
    static final class NotAnswered extends RuntimeException {
        NotAnswered(String message) {
            super(message, null, false, false);
        }
    }
}
