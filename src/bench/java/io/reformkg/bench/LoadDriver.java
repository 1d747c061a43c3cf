package io.reformkg.bench;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Serving benchmark: Reform KG's server against plain Fuseki (jena-fuseki-server) serving the
 * same graph, in one run. For each server it measures the time from starting the process to the
 * first answered query (median of several starts), then the queries per second that 16
 * concurrent clients get running the competency questions CQ1–CQ8, checking every answer
 * against the answers of the first server. Prints a Markdown table. Run by
 * bench/run-server-bench.sh, never by mvn verify.
 */
public final class LoadDriver {

    private final BenchHttp http = new BenchHttp(Duration.ofSeconds(60));
    private final Path work;
    private final int clients;
    private final int seconds;
    private final int warmupSeconds;
    private final int starts;
    private Map<String, List<String>> reference;
    private long referenceTriples = -1;

    private LoadDriver(Path work, int clients, int seconds, int warmupSeconds, int starts) {
        this.work = work;
        this.clients = clients;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.starts = starts;
    }

    /** A server to measure: its command (PORT is replaced), how queries are adapted to it, and request headers. */
    record Server(String name, List<String> command, UnaryOperator<String> adapt, List<String> requestHeaders) {
        Server(String name, List<String> command, UnaryOperator<String> adapt) {
            this(name, command, adapt, List.of());
        }
    }

    record Result(Server server, List<Long> startMillis, double queriesPerSecond, long answered, long wrong) {
        long medianStart() {
            return startMillis.stream().sorted().toList().get(startMillis.size() / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        // the servers run in the work folder, so every path is made absolute
        Path reformJar = absolute(options.getOrDefault("--reform-jar", "target/reform-kg.jar"));
        Path fusekiJar = absolute(options.getOrDefault("--fuseki-jar", "target/bench/jena-fuseki-server-5.6.0.jar"));
        Path trig = absolute(options.getOrDefault("--trig", "target/bench/graph/reform-kg.trig"));
        Path data = absolute(options.getOrDefault("--data", "data"));
        Path work = absolute(options.getOrDefault("--work", "target/bench"));
        LoadDriver driver = new LoadDriver(work, Integer.parseInt(options.getOrDefault("--clients", "16")),
                Integer.parseInt(options.getOrDefault("--seconds", "20")),
                Integer.parseInt(options.getOrDefault("--warmup", "5")),
                Integer.parseInt(options.getOrDefault("--starts", "3")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path reformDb = work.resolve("reform-tdb2");
        Path fusekiDb = work.resolve("fuseki-tdb2");
        BenchHttp.run(List.of(java, "-cp", fusekiJar.toString(), "tdb2.tdbloader", "--loc", fusekiDb.toString(),
                trig.toString()), work.resolve("tdbloader.log"));
        String archive = BenchHttp.classDataArchive(reformJar);
        List<Server> servers = List.of(
                new Server("Reform KG `serve` (in memory, as README starts it: the graph the first start built, read "
                        + "back from its cache folder)",
                        driver.reformServe(java, archive, reformJar, data, "--cache", work.resolve("graph-cache").toString()),
                        UnaryOperator.identity()),
                new Server("Plain Fuseki `--file reform-kg.trig` (in memory)",
                        List.of(java, "-jar", fusekiJar.toString(), "--localhost", "--file", trig.toString(),
                                "--port", "PORT", "/kg"),
                        BenchQueries::overUnionGraph),
                new Server("Reform KG `serve --tdb2` (store reused)",
                        driver.reformServe(java, archive, reformJar, data, "--tdb2", reformDb.toString()),
                        UnaryOperator.identity()),
                new Server("Reform KG `serve --tdb2`, every answer computed (`Cache-Control: no-cache`)",
                        driver.reformServe(java, archive, reformJar, data, "--tdb2", reformDb.toString()),
                        UnaryOperator.identity(), List.of("Cache-Control", "no-cache")),
                new Server("Plain Fuseki `--tdb2 --loc` (tdbloader, union default graph)",
                        List.of(java, "-jar", fusekiJar.toString(), "--localhost", "--tdb2", "--loc", fusekiDb.toString(),
                                "--set", "tdb:unionDefaultGraph=true", "--port", "PORT", "/kg"),
                        UnaryOperator.identity()),
                new Server("Reform KG `serve --no-cache` (in memory, builds the graph from data/ at every start)",
                        driver.reformServe(java, archive, reformJar, data, "--no-cache"),
                        UnaryOperator.identity()));
        List<Result> results = new ArrayList<>();
        for (Server server : servers) {
            results.add(driver.measure(server));
        }
        System.out.print(driver.table(results));
        if (results.stream().anyMatch(result -> result.wrong() > 0)) {
            System.err.println("some answers differed between the servers");
            System.exit(1);
        }
    }

    /** {@code serve} on a free port with {@code options}, its one address allowed what the load's clients are. */
    private List<String> reformServe(String java, String archive, Path reformJar, Path data, String... options) {
        List<String> command = new ArrayList<>(List.of(java, archive, "-jar", reformJar.toString(), "serve", "--data",
                data.toString(), "--port", "PORT"));
        command.addAll(List.of(options));
        command.addAll(BenchHttp.oneAddressAsClients(clients));
        return List.copyOf(command);
    }

    private Result measure(Server server) throws Exception {
        System.err.println("measuring " + server.name());
        List<Long> startMillis = new ArrayList<>();
        Process process = null;
        int port = 0;
        // the first start is not measured: it warms the disk cache and builds a TDB2 store the others reuse
        for (int start = 0; start <= starts; start++) {
            if (process != null) {
                BenchHttp.stop(process);
            }
            port = BenchHttp.freePort();
            long begin = System.nanoTime();
            // plain Fuseki writes its run/ folder into the working folder
            process = BenchHttp.launch(server.command(), port, work, work.resolve("server.log"));
            awaitFirstAnswer(process, port, server.requestHeaders().toArray(String[]::new));
            long millis = (System.nanoTime() - begin) / 1_000_000;
            if (start > 0) {
                startMillis.add(millis);
            }
        }
        try {
            Map<String, List<String>> answers = new LinkedHashMap<>();
            for (String name : BenchQueries.COMPETENCY) {
                answers.put(name, http.ask(port, server.adapt().apply(BenchQueries.competency(name))));
            }
            if (reference == null) {
                reference = answers;
            } else if (!reference.equals(answers)) {
                throw new IllegalStateException(server.name() + " answers differently: " + answers + " vs " + reference);
            }
            Map<String, String> mix = new LinkedHashMap<>();
            BenchQueries.COMPETENCY.forEach(name -> mix.put(name, server.adapt().apply(BenchQueries.competency(name))));
            String[] headers = server.requestHeaders().toArray(String[]::new);
            http.load(port, clients, Duration.ofSeconds(warmupSeconds), mix, reference, false, headers);
            BenchHttp.Load load = http.load(port, clients, Duration.ofSeconds(seconds), mix, reference, false, headers);
            return new Result(server, startMillis, load.perSecond(), load.answered(), load.wrong());
        } finally {
            BenchHttp.stop(process);
        }
    }

    /**
     * Asks the quad count until it is answered, with the server's request headers: computed where
     * they say no-cache, else — from the second start of Reform KG on a TDB2 store — the answer
     * the start before kept on disk.
     */
    private void awaitFirstAnswer(Process process, int port, String... headers) throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see "
                        + work.resolve("server.log"));
            }
            try {
                List<String> rows = http.ask(port, BenchQueries.probe("count-quads"), headers);
                long triples = Long.parseLong(rows.get(0));
                if (referenceTriples < 0) {
                    referenceTriples = triples;
                } else if (triples != referenceTriples) {
                    throw new IllegalStateException("the server holds " + triples + " triples, the first "
                            + referenceTriples);
                }
                return;
            } catch (UncheckedIOException | BenchHttp.NotAnswered notYet) {
                Thread.sleep(20);
            }
        }
    }


    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| Server | Start to first answer, ms (median of %d; all) "
                + "| Queries/s at %d clients (%d s) | Answers checked | Wrong |%n", starts, clients, seconds));
        out.append("|---|---|---|---|---|\n");
        for (Result result : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d (%s) | %.0f | %d | %d |%n", result.server().name(),
                    result.medianStart(), String.join(", ", result.startMillis().stream().map(String::valueOf).toList()),
                    result.queriesPerSecond(), result.answered(), result.wrong()));
        }
        out.append('\n');
        out.append(ratio(results, 0, 1, "in memory")).append(ratio(results, 5, 1, "in memory, built at every start"))
                .append(ratio(results, 2, 4, "TDB2")).append(ratio(results, 3, 4, "TDB2, every answer computed"));
        return out.toString();
    }

    private static String ratio(List<Result> results, int reform, int fuseki, String mode) {
        Result ours = results.get(reform);
        Result plain = results.get(fuseki);
        return String.format(Locale.ROOT, "- %s: Reform KG starts in %.2f× plain Fuseki's time and answers %.2f× its "
                        + "queries per second.%n", mode, ours.medianStart() / (double) plain.medianStart(),
                ours.queriesPerSecond() / plain.queriesPerSecond());
    }
}
