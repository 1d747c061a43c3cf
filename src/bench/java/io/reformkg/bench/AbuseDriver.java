package io.reformkg.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Under abuse": what polite clients see while one client keeps slow queries in flight. One
 * abusive client, bound to 127.0.0.2, keeps {@code --abusers} (50) cross-product queries running
 * for {@code --seconds}; {@code --polite} (8) clients on 127.0.0.1 meanwhile fetch {@code ASK {}},
 * a linked-data page and a named question's answer, in rotation. Each polite request's latency is
 * measured over a quiet window first, then under the abuse, on Reform KG's server and on plain
 * Fuseki serving the same graph with the same 10 s timeout. Every request is plain HTTP/1.1 on a
 * socket of its own, so the client's address can be chosen (java.net.http cannot bind one on
 * Java 17). Prints a Markdown table; run by bench/run-abuse.sh, never by mvn verify.
 */
public final class AbuseDriver {
    private static final String ABUSER_ADDRESS = "127.0.0.2";
    private static final String POLITE_ADDRESS = "127.0.0.1";
    /** Runs until the server's timeout cuts it off: every triple against every triple against every triple. */
    private static final String SLOW_QUERY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(120);

    /** One kind of polite request: its label and the raw HTTP request sent for it. */
    record Request(String kind, String method, String path, String contentType, String body, String accept) {
    }

    /**
     * A server to measure: its command (PORT is replaced), the polite requests it is asked, and the
     * abuser's slow query as it must be written for that server.
     */
    record Server(String name, List<String> command, List<Request> polite, String slowQuery) {
    }

    /** Latencies of one kind of polite request in one window, and the requests that failed. */
    record Latencies(List<Long> micros, long failed) {
        long percentile(double p) {
            if (micros.isEmpty()) {
                return -1;
            }
            List<Long> sorted = micros.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    record Window(Map<String, Latencies> byKind) {
    }

    record Abuse(long sent, Map<Integer, Long> statuses) {
    }

    record Result(Server server, Window quiet, Window abused, Abuse abuse) {
    }

    private final int politeClients;
    private final int abusers;
    private final Duration window;
    private final Path work;

    private AbuseDriver(int politeClients, int abusers, Duration window, Path work) {
        this.politeClients = politeClients;
        this.abusers = abusers;
        this.window = window;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path reformJar = absolute(options.getOrDefault("--reform-jar", "target/reform-kg.jar"));
        Path fusekiJar = absolute(options.getOrDefault("--fuseki-jar", "target/bench/jena-fuseki-server-5.6.0.jar"));
        Path trig = absolute(options.getOrDefault("--trig", "target/bench/graph/reform-kg.trig"));
        Path data = absolute(options.getOrDefault("--data", "data"));
        Path work = absolute(options.getOrDefault("--work", "target/bench"));
        AbuseDriver driver = new AbuseDriver(Integer.parseInt(options.getOrDefault("--polite", "8")),
                Integer.parseInt(options.getOrDefault("--abusers", "50")),
                Duration.ofSeconds(Integer.parseInt(options.getOrDefault("--seconds", "60"))), work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cq1 = BenchQueries.competency("cq1-co-guidance-pairs.rq");
        String body = "https://w3id.org/reform-kg/body/MOST";
        List<Server> servers = List.of(
                new Server("Reform KG `serve` (defaults)",
                        List.of(java, "-jar", reformJar.toString(), "serve", "--data", data.toString(), "--port", "PORT"),
                        List.of(ask(), new Request("linked-data page", "GET", "/body/MOST.html", null, null, "text/html"),
                                new Request("named question (kept answer)", "GET", "/api/queries/cq1-co-guidance-pairs",
                                        null, null, "application/json")), SLOW_QUERY),
                new Server("Plain Fuseki `--file reform-kg.trig --timeout=10000`",
                        List.of(java, "-jar", fusekiJar.toString(), "--localhost", "--file", trig.toString(),
                                "--timeout=10000", "--port", "PORT", "/kg"),
                        List.of(ask(), new Request("linked-data page (DESCRIBE)", "GET", "/kg/sparql?query="
                                        + URLEncoder.encode("DESCRIBE <" + body + ">", StandardCharsets.UTF_8), null,
                                        null, "text/turtle"),
                                new Request("named question (CQ1 SPARQL)", "POST", "/kg/sparql",
                                        "application/sparql-query", BenchQueries.overUnionGraph(cq1),
                                        "application/sparql-results+json")),
                        BenchQueries.overUnionGraph(SLOW_QUERY)));
        List<Result> results = new ArrayList<>();
        for (Server server : servers) {
            results.add(driver.measure(server));
        }
        System.out.print(driver.table(results));
    }

    private static Request ask() {
        return new Request("ASK {}", "POST", "/kg/sparql", "application/sparql-query", "ASK {}",
                "application/sparql-results+json");
    }

    private Result measure(Server server) throws Exception {
        System.err.println("measuring " + server.name());
        int port = BenchHttp.freePort();
        Path log = work.resolve("abuse-server.log");
        Process process = BenchHttp.launch(server.command(), port, work, log);
        try {
            awaitAnswer(process, port, log);
            run(port, server.polite(), Duration.ofSeconds(5));
            Window quiet = run(port, server.polite(), window);
            AtomicLong sent = new AtomicLong();
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            long end = System.nanoTime() + window.toNanos();
            ExecutorService abuser = Executors.newFixedThreadPool(abusers);
            for (int i = 0; i < abusers; i++) {
                abuser.submit(() -> {
                    Request slow = new Request("slow", "POST", "/kg/sparql", "application/sparql-query",
                            server.slowQuery(), "application/sparql-results+json");
                    while (System.nanoTime() < end) {
                        int status = send(port, ABUSER_ADDRESS, slow);
                        sent.incrementAndGet();
                        statuses.merge(status, 1L, Long::sum);
                        if (status != 200) {
                            // refused at once: a pause keeps this process from taking a core of its own
                            sleep(100);
                        }
                    }
                    return null;
                });
            }
            sleep(2_000);
            Window abused = run(port, server.polite(), window.minusSeconds(2));
            abuser.shutdown();
            // the abuser's last queries end at the server's timeout
            abuser.awaitTermination(SOCKET_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Result(server, quiet, abused, new Abuse(sent.get(), new LinkedHashMap<>(statuses)));
        } finally {
            BenchHttp.stop(process);
        }
    }

    /** The polite clients for {@code duration}: each runs the requests in rotation, from its own offset. */
    private Window run(int port, List<Request> requests, Duration duration) throws InterruptedException {
        Map<String, List<Long>> micros = new ConcurrentHashMap<>();
        Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
        for (Request request : requests) {
            micros.put(request.kind(), Collections.synchronizedList(new ArrayList<>()));
            failed.put(request.kind(), new AtomicLong());
        }
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(politeClients);
        for (int c = 0; c < politeClients; c++) {
            int offset = c;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    Request request = requests.get(i % requests.size());
                    long begin = System.nanoTime();
                    int status = send(port, POLITE_ADDRESS, request);
                    long took = (System.nanoTime() - begin) / 1_000;
                    if (status == 200) {
                        micros.get(request.kind()).add(took);
                    } else {
                        failed.get(request.kind()).incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + SOCKET_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        for (Request request : requests) {
            byKind.put(request.kind(), new Latencies(List.copyOf(micros.get(request.kind())),
                    failed.get(request.kind()).get()));
        }
        return new Window(byKind);
    }

    /** Sends one request from {@code localAddress} and reads the whole answer; its status, or -1 when the connection failed. */
    private static int send(int port, String localAddress, Request request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            socket.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
            byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Accept: ").append(request.accept()).append("\r\n")
                    .append("Connection: close\r\n");
            if (request.contentType() != null) {
                head.append("Content-Type: ").append(request.contentType()).append("\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return status(socket.getInputStream());
        } catch (IOException e) {
            return -1;
        }
    }

    /** The status of the response on {@code in}, read to its end (the server closes the connection). */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            statusLine.write(b);
        }
        in.transferTo(OutputStream.nullOutputStream());
        String[] parts = statusLine.toString(StandardCharsets.US_ASCII).split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : -1;
    }

    private static void awaitAnswer(Process process, int port, Path log) throws InterruptedException {
        while (send(port, POLITE_ADDRESS, ask()) != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(50);
        }
    }

    private String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| server | polite request | quiet p50 / p99 | under abuse p50 / p99 | p99 ratio | polite "
                + "failures (quiet / abuse) |\n|---|---|---|---|---|---|\n");
        for (Result result : results) {
            for (String kind : result.quiet().byKind().keySet()) {
                Latencies quiet = result.quiet().byKind().get(kind);
                Latencies abused = result.abused().byKind().get(kind);
                out.append(String.format(Locale.ROOT, "| %s | %s | %s / %s | %s / %s | %s | %d / %d |%n",
                        result.server().name(), kind, ms(quiet.percentile(0.5)), ms(quiet.percentile(0.99)),
                        ms(abused.percentile(0.5)), ms(abused.percentile(0.99)),
                        quiet.percentile(0.99) <= 0 || abused.percentile(0.99) < 0 ? "–" : String.format(Locale.ROOT,
                                "%.1f×", abused.percentile(0.99) / (double) quiet.percentile(0.99)),
                        quiet.failed(), abused.failed()));
            }
        }
        out.append("\n| server | abuser's requests | answers by status |\n|---|---|---|\n");
        for (Result result : results) {
            out.append("| ").append(result.server().name()).append(" | ").append(result.abuse().sent()).append(" | ")
                    .append(result.abuse().statuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> (e.getKey() < 0 ? "no connection" : e.getKey()) + ": " + e.getValue())
                            .reduce((a, b) -> a + ", " + b).orElse("none"))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String ms(long micros) {
        return micros < 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
