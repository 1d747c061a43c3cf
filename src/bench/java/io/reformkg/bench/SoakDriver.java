package io.reformkg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Soak run: one {@code reform-kg serve} child process on a free loopback port, and N clients
 * running the analysts' query mix — the SPARQL competency questions and the query API — for a
 * bounded number of minutes. Every answer must be 200 and equal the answer the server gave
 * before the load began. Every ~30 s the child's heap after a forced full GC ({@code jcmd PID
 * GC.class_histogram}) and its open file handles ({@code /proc/PID/fd}) are sampled. Prints a
 * Markdown report; exits 1 on any error or on clear growth of heap or handles. Run by
 * bench/run-soak.sh, never by mvn verify.
 */
public final class SoakDriver {
    /** Read by analysts through the query API: each answers 200 with JSON (or CSV) rows. */
    private static final List<String> API_PATHS = List.of(
            "/api/queries/cq1-co-guidance-pairs",
            "/api/queries/cq1-co-guidance-pairs?category=" + encode("知识产权保护") + "&lang=en",
            "/api/queries/cq2-measures-per-body",
            "/api/queries/cq8-measures-in-place?place=" + encode("黄山"),
            "/api/queries/body-connection?from=" + encode("最高人民法院") + "&to=MOF",
            "/api/queries/keyword-search-text?keyword=" + encode("担保"),
            "/api/queries/measure-detail?measure=12",
            "/api/queries/cq5-single-body-measures?format=csv");
    /** The last line of a class histogram: instances and bytes of every object alive after the full GC. */
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final long MIB = 1024 * 1024;
    private static final int MAX_ERRORS_SHOWN = 10;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchHttp sparql = new BenchHttp(Duration.ofSeconds(60));
    private final List<Request> mix = new ArrayList<>();
    private final int clients;
    private final int minutes;
    private final int sampleSeconds;
    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    private final AtomicLong errors = new AtomicLong();
    private final Queue<String> errorMessages = new ConcurrentLinkedQueue<>();
    private int port;

    private SoakDriver(int clients, int minutes, int sampleSeconds) {
        this.clients = clients;
        this.minutes = minutes;
        this.sampleSeconds = sampleSeconds;
        for (String name : BenchQueries.COMPETENCY) {
            mix.add(new Request("SPARQL " + name.replace(".rq", ""), BenchQueries.competency(name), null));
        }
        for (String path : API_PATHS) {
            mix.add(new Request("GET " + decode(path), null, path));
        }
    }

    /** One request of the mix: a SPARQL SELECT (answer compared row by row) or a query-API path (body compared). */
    private record Request(String label, String sparql, String path) {
    }

    /** The server's heap in use after a full GC, and its open file handles. */
    private record Sample(long heapBytes, long fileHandles) {
    }

    /** One client's latencies: the request's index in the mix and its round trip, in nanoseconds. */
    private static final class Latencies {
        private int[] requests = new int[1 << 14];
        private long[] nanos = new long[1 << 14];
        private int size;

        void add(int request, long elapsed) {
            if (size == requests.length) {
                requests = Arrays.copyOf(requests, size * 2);
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            requests[size] = request;
            nanos[size++] = elapsed;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(options.getOrDefault("--jar", "target/reform-kg.jar")).toAbsolutePath();
        Path data = Path.of(options.getOrDefault("--data", "data")).toAbsolutePath();
        Path log = Path.of(options.getOrDefault("--log", "target/soak/server.log")).toAbsolutePath();
        SoakDriver driver = new SoakDriver(Integer.parseInt(options.getOrDefault("--clients", "16")),
                Integer.parseInt(options.getOrDefault("--minutes", "10")),
                Integer.parseInt(options.getOrDefault("--sample-seconds", "30")));
        System.exit(driver.run(jar, data, log) ? 0 : 1);
    }

    private boolean run(Path jar, Path data, Path log) throws Exception {
        port = BenchHttp.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "serve", "--data", data.toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port)));
        command.addAll(BenchHttp.oneAddressAsClients(clients));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // the server must not outlive the run, however the run ends
        Thread killServer = new Thread(server::destroyForcibly, "soak-stop-server");
        Runtime.getRuntime().addShutdownHook(killServer);
        try {
            awaitReady(server, log);
            List<String> expected = new ArrayList<>();
            for (Request request : mix) {
                String answer = answer(request);
                if (answer.isBlank()) {
                    throw new IllegalStateException(request.label() + " gave an empty answer before the load");
                }
                expected.add(answer);
            }
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            samples.add(sample(server));
            List<Latencies> latencies = load(expected, server, samples, start);
            if (server.isAlive()) {
                samples.add(sample(server));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return report(latencies, samples, seconds, server.isAlive());
        } finally {
            BenchHttp.stop(server);
            Runtime.getRuntime().removeShutdownHook(killServer);
        }
    }

    private void awaitReady(Process server, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue() + "; see " + log);
            }
            try {
                if (get("/$/ping").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not answer /$/ping within 5 minutes; see " + log);
    }

    /** Runs the clients until the time is up, sampling the server meanwhile; returns each client's latencies. */
    private List<Latencies> load(List<String> expected, Process server, List<Sample> samples, long start)
            throws Exception {
        long end = start + TimeUnit.MINUTES.toNanos(minutes);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Latencies>> running = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                int offset = c;
                running.add(pool.submit(() -> {
                    Latencies latencies = new Latencies();
                    for (int i = offset; System.nanoTime() < end; i++) {
                        int index = i % mix.size();
                        long begin = System.nanoTime();
                        String problem = check(mix.get(index), expected.get(index));
                        latencies.add(index, System.nanoTime() - begin);
                        if (problem != null) {
                            error(mix.get(index).label() + ": " + problem);
                        }
                    }
                    return latencies;
                }));
            }
            long next = start + TimeUnit.SECONDS.toNanos(sampleSeconds);
            while (next < end) {
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
                if (!server.isAlive()) {
                    error("the server exited with " + server.exitValue());
                    break;
                }
                samples.add(sample(server));
                next += TimeUnit.SECONDS.toNanos(sampleSeconds);
            }
            List<Latencies> all = new ArrayList<>();
            for (Future<Latencies> client : running) {
                all.add(client.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What is wrong with this request's answer now, or null when it equals the expected one. */
    private String check(Request request, String expected) {
        try {
            String answer = answer(request);
            return answer.equals(expected) ? null : "the answer differs from the first one: " + shorten(answer);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + shorten(String.valueOf(e.getMessage()));
        }
    }

    private String answer(Request request) {
        if (request.sparql() != null) {
            return String.join("\n", sparql.ask(port, request.sparql()));
        }
        HttpResponse<String> response = get(request.path());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + shorten(response.body()));
        }
        return response.body();
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void error(String message) {
        if (errors.incrementAndGet() <= MAX_ERRORS_SHOWN) {
            errorMessages.add(message);
        }
    }

    private Sample sample(Process server) throws IOException, InterruptedException {
        // GC.class_histogram runs a full GC and counts what survives in one pause; GC.run followed by
        // GC.heap_info would also count what the clients' requests allocate while the second jcmd starts
        Matcher total = HISTOGRAM_TOTAL.matcher(jcmd(server, "GC.class_histogram"));
        if (!total.find()) {
            throw new IllegalStateException("no Total line in jcmd GC.class_histogram");
        }
        long fileHandles;
        try (Stream<Path> handles = Files.list(Path.of("/proc", String.valueOf(server.pid()), "fd"))) {
            fileHandles = handles.count();
        }
        return new Sample(Long.parseLong(total.group(1)), fileHandles);
    }

    private String jcmd(Process server, String command) throws IOException, InterruptedException {
        Process jcmdProcess = new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmdProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmdProcess.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    /** Prints the Markdown report; true when the run passed. */
    private boolean report(List<Latencies> latencies, List<Sample> samples, double seconds, boolean serverAlive) {
        List<List<Long>> byRequest = new ArrayList<>();
        mix.forEach(request -> byRequest.add(new ArrayList<>()));
        List<Long> all = new ArrayList<>();
        for (Latencies client : latencies) {
            for (int i = 0; i < client.size; i++) {
                byRequest.get(client.requests[i]).add(client.nanos[i]);
                all.add(client.nanos[i]);
            }
        }
        List<Long> heap = samples.stream().map(Sample::heapBytes).toList();
        List<Long> handles = samples.stream().map(Sample::fileHandles).toList();
        boolean heapGrows = grows(heap, 8 * MIB);
        boolean handlesGrow = grows(handles, 8);
        boolean judged = samples.size() >= 6;
        boolean passed = errors.get() == 0 && serverAlive && !heapGrows && !handlesGrow;

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "**%s.** %d requests in %.0f s (%.0f/s) from %d clients, %d errors; ",
                passed ? "Passed" : "Failed", all.size(), seconds, all.size() / seconds, clients, errors.get()));
        out.append(!judged ? "too few samples to judge growth.\n"
                : String.format(Locale.ROOT, "heap after GC %s, open file handles %s.%n",
                        heapGrows ? "**grew**" : "did not grow", handlesGrow ? "**grew**" : "did not grow"));
        errorMessages.forEach(message -> out.append("- error: ").append(message).append('\n'));
        out.append("\n| Request | Requests | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < mix.size(); i++) {
            out.append(latencyRow("`" + mix.get(i).label() + "`", byRequest.get(i)));
        }
        out.append(latencyRow("**all**", all));
        out.append(String.format(Locale.ROOT, "%n| Every %d s (%d samples) | first | last | max | series |%n"
                + "|---|---|---|---|---|%n", sampleSeconds, samples.size()));
        out.append(seriesRow("Heap after full GC, MiB", heap.stream().map(bytes -> bytes / MIB).toList()));
        out.append(seriesRow("Open file handles", handles));
        System.out.print(out);
        return passed;
    }

    /**
     * Clear growth: the last three samples all lie above everything the first half of the run
     * saw, by more than the slack (or a tenth, if larger). A plateau reached early, or noise
     * around one, does not count; a steady climb does.
     */
    private static boolean grows(List<Long> series, long slack) {
        if (series.size() < 6) {
            return false;
        }
        long firstHalfMax = series.subList(0, series.size() / 2).stream().mapToLong(Long::longValue).max().orElseThrow();
        long lastThreeMin = series.subList(series.size() - 3, series.size()).stream().mapToLong(Long::longValue)
                .min().orElseThrow();
        return lastThreeMin > firstHalfMax + Math.max(slack, firstHalfMax / 10);
    }

    private static String latencyRow(String label, List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "| " + label + " | 0 | | | | |\n";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", label, sorted.length,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static String seriesRow(String label, List<Long> values) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", label, values.get(0),
                values.get(values.size() - 1), max, String.join(", ", values.stream().map(String::valueOf).toList()));
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String path) {
        return URLDecoder.decode(path, StandardCharsets.UTF_8);
    }
}
