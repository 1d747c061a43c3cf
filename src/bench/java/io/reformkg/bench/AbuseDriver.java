package io.reformkg.bench;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Under abuse": one client, bound to 127.0.0.2, keeps many slow SPARQL queries in flight
 * while polite clients on 127.0.0.1 fetch {@code ASK {}} (computed each time), a linked-data
 * page and a named query (kept answers); the polite clients' latencies without the abuser and
 * with it, and the abuser's answers by status. The same against plain Fuseki, which has no
 * pages or named queries: it gets a DESCRIBE of the same measure and the named query's SPARQL.
 * Prints a Markdown table. Run by bench/run-abuse-bench.sh, never by mvn verify.
 */
public final class AbuseDriver {
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a (<urn:x:p>|!<urn:x:p>)* ?b . "
            + "?b (<urn:x:p>|!<urn:x:p>)* ?c }";
    private static final String MEASURE = "https://w3id.org/reform-kg/list/3/measure/12";
    private static final List<String> KINDS = List.of("ASK {}", "page", "named query");

    private final BenchHttp http = new BenchHttp(Duration.ofSeconds(120));
    private final Path work;
    private final int polite;
    private final int abusive;
    private final Duration quiet;
    private final Duration abuse;

    private AbuseDriver(Path work, int polite, int abusive, Duration quiet, Duration abuse) {
        this.work = work;
        this.polite = polite;
        this.abusive = abusive;
        this.quiet = quiet;
        this.abuse = abuse;
    }

    /** A server, the polite requests it gets (each a GET path with its headers) and the abuser's slow query. */
    record Server(String name, List<String> command, Map<String, String[]> requests, String slow) {
    }

    /** Latencies (ms) of one kind of polite request, and how many did not answer 200. */
    record Latencies(List<Long> millis, long failed) {
        long percentile(double p) {
            List<Long> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    record Phase(Map<String, Latencies> polite, Map<Integer, Long> abuserStatuses) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path reformJar = Path.of(options.getOrDefault("--reform-jar", "target/reform-kg.jar")).toAbsolutePath();
        Path fusekiJar = Path.of(options.getOrDefault("--fuseki-jar", "target/bench/jena-fuseki-server-5.6.0.jar"))
                .toAbsolutePath();
        Path trig = Path.of(options.getOrDefault("--trig", "target/bench/graph/reform-kg.trig")).toAbsolutePath();
        Path data = Path.of(options.getOrDefault("--data", "data")).toAbsolutePath();
        Path work = Path.of(options.getOrDefault("--work", "target/bench")).toAbsolutePath();
        AbuseDriver driver = new AbuseDriver(work, Integer.parseInt(options.getOrDefault("--polite", "8")),
                Integer.parseInt(options.getOrDefault("--abusive", "50")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("--quiet", "30"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("--seconds", "60"))));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String sparqlJson = "application/sparql-results+json";
        String named = BenchQueries.competency("cq2-measures-per-body.rq");
        Map<String, String[]> reformRequests = new LinkedHashMap<>();
        reformRequests.put(KINDS.get(0), new String[] {sparql("ASK {}"), "Accept", sparqlJson, "Cache-Control", "no-cache"});
        reformRequests.put(KINDS.get(1), new String[] {"/list/3/measure/12.html"});
        reformRequests.put(KINDS.get(2), new String[] {"/api/queries/cq2-measures-per-body?format=json"});
        Map<String, String[]> fusekiRequests = new LinkedHashMap<>();
        fusekiRequests.put(KINDS.get(0), new String[] {sparql("ASK {}"), "Accept", sparqlJson});
        fusekiRequests.put(KINDS.get(1), new String[] {sparql("DESCRIBE <" + MEASURE + ">"), "Accept", "text/turtle"});
        fusekiRequests.put(KINDS.get(2), new String[] {sparql(BenchQueries.overUnionGraph(named)), "Accept", sparqlJson});
        String archive = BenchHttp.classDataArchive(reformJar);
        List<Server> servers = List.of(
                new Server("Reform KG `serve` (defaults: 10 s timeout, 2 queries running + 8 waiting per client)",
                        List.of(java, archive, "-jar", reformJar.toString(), "serve", "--data", data.toString(),
                                "--port", "PORT"), reformRequests, SLOW),
                new Server("Plain Fuseki `--file reform-kg.trig --timeout=10000`",
                        List.of(java, "-jar", fusekiJar.toString(), "--localhost", "--timeout=10000", "--file",
                                trig.toString(), "--port", "PORT", "/kg"), fusekiRequests,
                        BenchQueries.overUnionGraph(SLOW)));
        StringBuilder table = new StringBuilder("| Server | Abuser | ASK {} p50 / p99 ms | page p50 / p99 ms | "
                + "named query p50 / p99 ms | polite failures | abuser's answers |\n|---|---|---|---|---|---|---|\n");
        for (Server server : servers) {
            Map<String, Phase> phases = driver.measure(server);
            phases.forEach((phase, result) -> {
                table.append("| ").append(server.name()).append(" | ").append(phase);
                long failures = 0;
                for (String kind : KINDS) {
                    Latencies latencies = result.polite().get(kind);
                    table.append(" | ").append(latencies.percentile(0.5)).append(" / ").append(latencies.percentile(0.99));
                    failures += latencies.failed();
                }
                long answered = result.polite().values().stream().mapToLong(l -> l.millis().size()).sum();
                table.append(" | ").append(failures).append(" of ").append(answered + failures).append(" | ")
                        .append(result.abuserStatuses().isEmpty() ? "—" : statuses(result.abuserStatuses())).append(" |\n");
            });
        }
        System.out.print(table);
    }

    private static String sparql(String query) {
        return "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static String statuses(Map<Integer, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> parts.add(entry.getValue() + "× " + (entry.getKey() < 0 ? "no answer" : entry.getKey())));
        return String.join(", ", parts);
    }

    private Map<String, Phase> measure(Server server) throws Exception {
        System.err.println("measuring " + server.name());
        int port = BenchHttp.freePort();
        Process process = BenchHttp.launch(server.command(), port, work, work.resolve("server.log"));
        try {
            http.awaitReady(process, port, work.resolve("server.log"));
            // warm-up: every polite request answered (and kept) once, the JIT at work
            politeLoad(port, server, Duration.ofSeconds(5));
            Map<String, Phase> phases = new LinkedHashMap<>();
            phases.put("none", new Phase(politeLoad(port, server, quiet), Map.of()));
            Map<Integer, Long> abuserStatuses = new ConcurrentHashMap<>();
            AtomicBoolean abusing = new AtomicBoolean(true);
            ExecutorService abuser = Executors.newFixedThreadPool(abusive);
            AtomicLong sequence = new AtomicLong();
            for (int i = 0; i < abusive; i++) {
                abuser.submit(() -> {
                    while (abusing.get()) {
                        int status = rawGet(port, sparql(server.slow() + " # " + sequence.incrementAndGet()));
                        if (abusing.get()) {
                            abuserStatuses.merge(status, 1L, Long::sum);
                        }
                    }
                    return null;
                });
            }
            // the abuser's queries are in flight before the polite clients are measured
            Thread.sleep(2000);
            Map<String, Latencies> underAbuse = politeLoad(port, server, abuse);
            abusing.set(false);
            abuser.shutdownNow();
            abuser.awaitTermination(2, TimeUnit.MINUTES);
            phases.put(abusive + " slow queries in flight from 127.0.0.2", new Phase(underAbuse, abuserStatuses));
            return phases;
        } finally {
            BenchHttp.stop(process);
        }
    }

    /** The polite clients, each going round the requests, for {@code duration}. */
    private Map<String, Latencies> politeLoad(int port, Server server, Duration duration)
            throws InterruptedException {
        Map<String, ConcurrentLinkedQueue<Long>> millis = new LinkedHashMap<>();
        Map<String, AtomicLong> failed = new LinkedHashMap<>();
        KINDS.forEach(kind -> {
            millis.put(kind, new ConcurrentLinkedQueue<>());
            failed.put(kind, new AtomicLong());
        });
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(polite);
        for (int c = 0; c < polite; c++) {
            int offset = c;
            clients.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    String kind = KINDS.get(i % KINDS.size());
                    String[] request = server.requests().get(kind);
                    String[] headers = Arrays.copyOfRange(request, 1, request.length);
                    long start = System.nanoTime();
                    try {
                        http.get(port, request[0], headers);
                        millis.get(kind).add((System.nanoTime() - start) / 1_000_000);
                    } catch (RuntimeException refused) {
                        failed.get(kind).incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(duration.toSeconds() + 180, TimeUnit.SECONDS);
        Map<String, Latencies> result = new LinkedHashMap<>();
        KINDS.forEach(kind -> result.put(kind, new Latencies(List.copyOf(millis.get(kind)), failed.get(kind).get())));
        return result;
    }

    /** A GET from 127.0.0.2 on a connection of its own; the status, or -1 when nothing came back. */
    private static int rawGet(int port, String target) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 2000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: "
                    + "application/sparql-results+json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 32), StandardCharsets.US_ASCII);
            String[] statusLine = head.split(" ");
            return statusLine.length > 1 ? Integer.parseInt(statusLine[1].trim().toLowerCase(Locale.ROOT)) : -1;
        } catch (IOException | NumberFormatException failed) {
            return -1;
        }
    }
}
