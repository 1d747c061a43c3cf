package io.reformkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The scale benchmark of issue 8, one corpus size after another (synthetic corpora from
 * {@code reform-kg generate}, seed 42):
 * <ol>
 * <li>Reform KG's ingest: from source text to a served TDB2 store with inference, SHACL
 * validation and the text index — the time to the first answer of a fresh {@code serve --tdb2},
 * and the peak heap before any collection (from the GC log) under {@code -Xmx4g}; then the time
 * until that server has described the dataset (VoID statistics, once per build, in the background
 * after the first answer), waited for so that it does not run beside the serving figures;</li>
 * <li>plain Fuseki's load of the very same quads (dumped from Reform KG's store) with
 * {@code tdb2.tdbloader}, and Virtuoso's ({@link Virtuoso}) with its bulk loader;</li>
 * <li>the three servers side by side on their stores, each read into the page cache first: process
 * start to first answer, each competency question alone (median of several runs, every answer
 * computed), and 16 clients on
 * the mix for a while — Reform KG with its answer cache and with every answer computed
 * ({@code Cache-Control: no-cache}); every answer is compared between the servers;</li>
 * <li>Reform KG's "applies in place" and keyword queries, and its named competency questions
 * (queries/cq*.rq, answered from its measure index), through its query API, every answer computed.</li>
 * </ol>
 * Listing questions (CQ3, CQ5, CQ7, CQ8) are asked as counts at every size: at a million
 * measures their answers run to hundreds of thousands of rows, which measures serialisation,
 * not the store. Prints Markdown. Run by bench/run-benchmarks.sh, never by mvn verify.
 */
public final class ScaleBenchmark {
    private static final Set<String> LISTING = Set.of("cq3-pilot-only.rq", "cq5-single-body.rq",
            "cq7-changed-bodies.rq", "cq8-measures-in-place.rq");
    private static final String NO_CACHE = "no-cache";
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final String PLACE_QUERY = "/api/queries/measures-in-place?placeName=%E5%90%88%E8%82%A5";
    private static final String KEYWORD_QUERY = "/api/queries/keyword-search-text?keyword=%E6%8B%85%E4%BF%9D";
    private static final String DATASET_DESCRIPTION = "/.well-known/void";
    /** The named competency questions with their defaults (a page of 100 where they page); CQ8 in 合肥. */
    private static final Map<String, String> NAMED_QUESTIONS = namedQuestions();

    private final BenchHttp http = new BenchHttp(Duration.ofMinutes(10));
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Path reformJar;
    private final Path fusekiJar;
    private final Path work;
    private final int clients;
    private final int seconds;
    private final int starts;
    private final int runs;
    private final String heap;
    private final String virtuosoServer;
    private final String virtuosoIsql;

    private ScaleBenchmark(Map<String, String> options) {
        this.reformJar = absolute(options.getOrDefault("--reform-jar", "target/reform-kg.jar"));
        this.fusekiJar = absolute(options.getOrDefault("--fuseki-jar", "target/bench/jena-fuseki-server-5.6.0.jar"));
        this.work = absolute(options.getOrDefault("--work", "target/bench/scale"));
        this.clients = Integer.parseInt(options.getOrDefault("--clients", "16"));
        this.seconds = Integer.parseInt(options.getOrDefault("--seconds", "20"));
        this.starts = Integer.parseInt(options.getOrDefault("--starts", "3"));
        this.runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
        this.heap = options.getOrDefault("--heap", "4g");
        this.virtuosoServer = options.getOrDefault("--virtuoso", "virtuoso-t");
        this.virtuosoIsql = options.getOrDefault("--isql", "isql-vt");
    }

    /** The figures for one corpus size. */
    record Scale(int measures, long quads, long ingestMillis, long descriptionMillis, long peakHeapMb,
            long fusekiLoadMillis, long virtuosoLoadMillis, Serving reform, Serving fuseki, Serving virtuoso,
            BenchHttp.Load reformComputed, long placeMillis, long keywordMillis, Map<String, Long> namedMillis,
            Map<String, Integer> rows) {
    }

    /** One server on its store: start times, each question's computed and cached medians, the mix under load. */
    record Serving(List<Long> startMillis, Map<String, Long> computedMillis, Map<String, Long> cachedMillis,
            BenchHttp.Load load) {
        long medianStart() {
            return median(startMillis);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        ScaleBenchmark benchmark = new ScaleBenchmark(options);
        List<Scale> scales = new ArrayList<>();
        for (String size : options.getOrDefault("--scales", "1000,10000,100000,1000000").split(",")) {
            scales.add(benchmark.measure(Integer.parseInt(size.trim())));
            System.err.println("done: " + scales.get(scales.size() - 1));
        }
        System.out.print(benchmark.tables(scales));
        if (scales.stream().anyMatch(scale -> scale.reform().load().wrong() + scale.reformComputed().wrong()
                + scale.fuseki().load().wrong() + scale.virtuoso().load().wrong() > 0)) {
            System.err.println("some answers differed between the servers");
            System.exit(1);
        }
    }

    private Scale measure(int measures) throws Exception {
        Path dir = work.resolve("n" + measures);
        deleteTree(dir);
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        Path reformDb = dir.resolve("reform-tdb2");
        Path fusekiDb = dir.resolve("fusekiDb");
        Path log = dir.resolve("server.log");
        log("generating " + measures + " measures");
        BenchHttp.run(List.of(java, "-jar", reformJar.toString(), "generate", "--measures", String.valueOf(measures),
                "--seed", "42", "--out", data.toString()), dir.resolve("generate.log"));

        log("Reform KG ingest");
        List<String> serve = new ArrayList<>(List.of(java, "-Xmx" + heap, BenchHttp.classDataArchive(reformJar), "-jar",
                reformJar.toString(), "serve", "--data", data.toString(), "--tdb2", reformDb.toString(), "--port", "PORT",
                "--timeout", "600s"));
        serve.addAll(BenchHttp.oneAddressAsClients(clients));
        List<String> reform = List.copyOf(serve);
        List<String> ingest = new ArrayList<>(reform);
        ingest.add(1, "-Xlog:gc:file=" + dir.resolve("ingest-gc.log"));
        long begin = System.nanoTime();
        int port = BenchHttp.freePort();
        Process process = BenchHttp.launch(ingest, port, dir, log);
        long ingestMillis;
        long descriptionMillis;
        try {
            http.awaitReady(process, port, log);
            ingestMillis = millisSince(begin);
            // Once per build, after its first answer, the server describes the dataset in the
            // background (VoID statistics read the whole store) and keeps the description beside
            // the store. Waited for here, as it would be done on a server left running, so that this
            // one-off work does not run beside the serving figures below.
            http.get(port, DATASET_DESCRIPTION);
            descriptionMillis = millisSince(begin) - ingestMillis;
        } finally {
            BenchHttp.stop(process);
        }

        log("plain Fuseki load");
        Path dump = dir.resolve("dump.nq");
        dumpStore(reformDb, dump, dir.resolve("tdbdump.log"));
        begin = System.nanoTime();
        BenchHttp.run(List.of(java, "-Xmx" + heap, "-cp", fusekiJar.toString(), "tdb2.tdbloader", "--loc",
                fusekiDb.toString(), dump.toString()), dir.resolve("tdbloader.log"));
        long fusekiLoadMillis = millisSince(begin);
        log("Virtuoso load");
        Virtuoso virtuoso = new Virtuoso(dir.resolve("virtuoso"), virtuosoServer, virtuosoIsql);
        begin = System.nanoTime();
        virtuoso.load(dump, http, dir.resolve("virtuoso.log"));
        long virtuosoLoadMillis = millisSince(begin);
        Files.delete(dump);

        List<String> fuseki = List.of(java, "-Xmx" + heap, "-jar", fusekiJar.toString(), "--localhost", "--tdb2",
                "--loc", fusekiDb.toString(), "--set", "tdb:unionDefaultGraph=true", "--port", "PORT", "/kg");
        Map<String, String> mix = new LinkedHashMap<>();
        for (String name : BenchQueries.COMPETENCY) {
            String question = BenchQueries.competency(name);
            mix.put(name, LISTING.contains(name) ? BenchQueries.counted(question) : question);
        }

        log("serving: plain Fuseki");
        Map<String, List<String>> reference = new LinkedHashMap<>();
        long[] quads = new long[1];
        Serving plain = serve(launcher(fuseki, dir, log), fusekiDb, "count-quads", false, mix, reference, quads,
                port2 -> null);
        log("serving: Virtuoso");
        Path virtuosoLog = dir.resolve("virtuoso.log");
        Serving third = serve(new Launcher() {
            @Override
            public Process launch(int port) throws IOException {
                return virtuoso.launch(port, virtuosoLog);
            }

            @Override
            public BenchHttp.Endpoint endpoint(int port) {
                return BenchHttp.Endpoint.virtuoso(port);
            }

            @Override
            public Path log() {
                return virtuosoLog;
            }
        }, virtuoso.database(), "count-quads-under-base", false, mix, reference, quads, port2 -> null);
        log("serving: Reform KG");
        long[] apiMillis = new long[2];
        Map<String, Long> namedMillis = new LinkedHashMap<>();
        BenchHttp.Load[] computedLoad = new BenchHttp.Load[1];
        Serving ours = serve(launcher(reform, dir, log), reformDb, "count-quads", true, mix, reference, quads, port2 -> {
            computedLoad[0] = http.load(port2, clients, Duration.ofSeconds(seconds), mix, reference, true,
                    "Cache-Control", NO_CACHE);
            apiMillis[0] = medianMillis(() -> http.get(port2, PLACE_QUERY, "Cache-Control", NO_CACHE));
            apiMillis[1] = medianMillis(() -> http.get(port2, KEYWORD_QUERY, "Cache-Control", NO_CACHE));
            NAMED_QUESTIONS.forEach((name, path) -> namedMillis.put(name,
                    medianMillis(() -> http.get(port2, path, "Cache-Control", NO_CACHE))));
            return null;
        });
        Map<String, Integer> rows = new LinkedHashMap<>();
        reference.forEach((name, answer) -> rows.put(name, LISTING.contains(name)
                ? Integer.parseInt(answer.get(0)) : answer.size()));
        return new Scale(measures, quads[0], ingestMillis, descriptionMillis, peakHeapMb(dir.resolve("ingest-gc.log")),
                fusekiLoadMillis, virtuosoLoadMillis, ours, plain, third, computedLoad[0], apiMillis[0], apiMillis[1],
                namedMillis, rows);
    }

    private static Map<String, String> namedQuestions() {
        Map<String, String> questions = new LinkedHashMap<>();
        for (String name : List.of("cq1-co-guidance-pairs", "cq2-measures-per-body", "cq3-pilot-only-measures",
                "cq4-declared-and-held-measures", "cq5-single-body-measures", "cq6-categories-per-body",
                "cq7-reorganised-body-measures")) {
            questions.put(name, "/api/queries/" + name);
        }
        questions.put("cq8-measures-in-place", "/api/queries/cq8-measures-in-place?place=%E5%90%88%E8%82%A5");
        return questions;
    }

    /** Something more to measure while a server runs, given its port. */
    private interface WhileServing {
        Void run(int port) throws Exception;
    }

    /** How a server under test starts on a port, where it answers, and where its output goes. */
    private interface Launcher {
        Process launch(int port) throws IOException;

        BenchHttp.Endpoint endpoint(int port);

        Path log();
    }

    /** A Java server: its command with PORT for the port, started in {@code dir}. */
    private static Launcher launcher(List<String> command, Path dir, Path log) {
        return new Launcher() {
            @Override
            public Process launch(int port) throws IOException {
                return BenchHttp.launch(command, port, dir, log);
            }

            @Override
            public BenchHttp.Endpoint endpoint(int port) {
                return BenchHttp.Endpoint.kg(port);
            }

            @Override
            public Path log() {
                return log;
            }
        };
    }

    /**
     * Starts a server {@code starts} times on its {@code store}, read into the page cache first (the
     * store already built, so every start counts), then on the last one: the quad count by the
     * probe {@code countProbe} (equal for every server), each question computed (and from the
     * server's {@code answerCache}, if it has one), the mix under load, and {@code more}. The
     * first server's answers become the reference.
     */
    private Serving serve(Launcher server, Path store, String countProbe, boolean answerCache, Map<String, String> mix,
            Map<String, List<String>> reference, long[] quads, WhileServing more) throws Exception {
        readIntoPageCache(store);
        List<Long> startMillis = new ArrayList<>();
        Process process = null;
        int port = 0;
        try {
            for (int start = 0; start < starts; start++) {
                if (process != null) {
                    BenchHttp.stop(process);
                }
                port = BenchHttp.freePort();
                long begin = System.nanoTime();
                process = server.launch(port);
                http.awaitReady(process, server.endpoint(port), server.log());
                startMillis.add(millisSince(begin));
            }
            BenchHttp.Endpoint endpoint = server.endpoint(port);
            long count = Long.parseLong(http.ask(endpoint, BenchQueries.probe(countProbe), "Cache-Control", NO_CACHE)
                    .get(0));
            if (quads[0] == 0) {
                quads[0] = count;
            } else if (quads[0] != count) {
                throw new IllegalStateException("the servers hold different data: " + count + " and " + quads[0] + " quads");
            }
            Map<String, Long> computed = new LinkedHashMap<>();
            Map<String, Long> cached = new LinkedHashMap<>();
            for (Map.Entry<String, String> question : mix.entrySet()) {
                List<String> answer = sorted(http.ask(endpoint, question.getValue(), "Cache-Control", NO_CACHE));
                List<String> expected = reference.putIfAbsent(question.getKey(), answer);
                if (expected != null && !expected.equals(answer)) {
                    throw new IllegalStateException(question.getKey() + " is answered differently: " + answer
                            + " vs " + expected);
                }
                computed.put(question.getKey(), medianMillis(() -> http.ask(endpoint, question.getValue(),
                        "Cache-Control", NO_CACHE)));
                if (answerCache) {
                    cached.put(question.getKey(), medianMillis(() -> http.ask(endpoint, question.getValue())));
                }
            }
            BenchHttp.Load load = http.load(endpoint, clients, Duration.ofSeconds(seconds), mix, reference, true);
            more.run(port);
            return new Serving(startMillis, computed, cached, load);
        } finally {
            if (process != null) {
                BenchHttp.stop(process);
            }
        }
    }

    /**
     * Reads every file of a store once. At 10^6 measures the two servers' stores together are as
     * large as this machine's memory: the one written or served last would otherwise have pushed
     * the other's out of the page cache, and that server would start and answer from disk.
     */
    private static void readIntoPageCache(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
    }

    private long medianMillis(Runnable request) {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long begin = System.nanoTime();
            request.run();
            millis.add(millisSince(begin));
        }
        return median(millis);
    }

    /** Dumps the current store of a Reform KG TDB2 folder as N-Quads. */
    private void dumpStore(Path reformDb, Path dump, Path log) throws IOException, InterruptedException {
        Properties current = new Properties();
        try (InputStream in = Files.newInputStream(reformDb.resolve("current"))) {
            current.load(in);
        }
        Path store = reformDb.resolve(current.getProperty("store"));
        int status = new ProcessBuilder(java, "-cp", fusekiJar.toString(), "tdb2.tdbdump", "--loc", store.toString())
                .redirectOutput(dump.toFile()).redirectError(log.toFile()).start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("tdb2.tdbdump failed with " + status + "; see " + log);
        }
    }

    /** The largest heap in use before a collection, in MiB, from a {@code -Xlog:gc} file. */
    private static long peakHeapMb(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(1)));
            }
        }
        return peak;
    }


    private String tables(List<Scale> scales) {
        StringBuilder out = new StringBuilder();
        out.append("### Ingest\n\n| Measures | Quads | Reform KG: text → served TDB2 store (inference, SHACL, text index) "
                + "| then its dataset description (VoID statistics), once per build, in the background "
                + "| Reform KG peak heap | Plain Fuseki: `tdb2.tdbloader` of the same quads "
                + "| Virtuoso: bulk loader of the same quads, then a checkpoint |\n|---|---|---|---|---|---|---|\n");
        for (Scale scale : scales) {
            out.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %,d MiB | %s | %s |%n", scale.measures(),
                    scale.quads(), duration(scale.ingestMillis()), duration(scale.descriptionMillis()),
                    scale.peakHeapMb(), duration(scale.fusekiLoadMillis()), duration(scale.virtuosoLoadMillis())));
        }
        out.append(String.format(Locale.ROOT, "%n### Serving, side by side%n%n| Measures | Start to first answer, ms "
                + "(median of %d): Reform KG / Fuseki (ratio) / Virtuoso | Queries/s at %d clients (%d s): Reform KG "
                + "cached / computed / Fuseki / Virtuoso | Throughput ratio over Fuseki, cached / computed | Place "
                + "query, ms | Keyword query, ms | Wrong answers |%n|---|---|---|---|---|---|---|%n", starts, clients,
                seconds));
        for (Scale scale : scales) {
            Serving ours = scale.reform();
            Serving plain = scale.fuseki();
            Serving third = scale.virtuoso();
            out.append(String.format(Locale.ROOT, "| %,d | %d / %d (%.2f×) / %d | %.0f / %.0f / %.0f / %.0f | %.2f× / "
                            + "%.2f× | %d | %d | %d |%n", scale.measures(), ours.medianStart(), plain.medianStart(),
                    ours.medianStart() / (double) plain.medianStart(), third.medianStart(), ours.load().perSecond(),
                    scale.reformComputed().perSecond(), plain.load().perSecond(), third.load().perSecond(),
                    ours.load().perSecond() / plain.load().perSecond(),
                    scale.reformComputed().perSecond() / plain.load().perSecond(), scale.placeMillis(),
                    scale.keywordMillis(), ours.load().wrong() + scale.reformComputed().wrong() + plain.load().wrong()
                            + third.load().wrong()));
        }
        String questions = BenchQueries.COMPETENCY.stream().map(name -> name.substring(0, name.indexOf('-'))
                .toUpperCase(Locale.ROOT) + (LISTING.contains(name) ? " (count)" : "")).collect(Collectors.joining(" | "));
        out.append(String.format(Locale.ROOT, "%n### Each competency question alone, median of %d, ms: Reform KG "
                + "computed / Reform KG cached / Fuseki / Virtuoso%n%n| Measures | %s |%n|---|%s%n", runs, questions,
                "---|".repeat(BenchQueries.COMPETENCY.size())));
        for (Scale scale : scales) {
            out.append(String.format(Locale.ROOT, "| %,d |", scale.measures()));
            for (String name : BenchQueries.COMPETENCY) {
                out.append(String.format(Locale.ROOT, " %d / %d / %d / %d |", scale.reform().computedMillis().get(name),
                        scale.reform().cachedMillis().get(name), scale.fuseki().computedMillis().get(name),
                        scale.virtuoso().computedMillis().get(name)));
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%n### Ad-hoc SPARQL: Reform KG's time over Virtuoso's, every answer "
                + "computed (the medians above), and the rows every server answered alike%n%n| Measures | %s | "
                + "Geometric mean | Slowest on Reform KG |%n|---|%s---|---|%n", questions,
                "---|".repeat(BenchQueries.COMPETENCY.size())));
        for (Scale scale : scales) {
            out.append(String.format(Locale.ROOT, "| %,d |", scale.measures()));
            double logSum = 0;
            String slowest = "";
            long slowestMillis = -1;
            for (String name : BenchQueries.COMPETENCY) {
                long ours = scale.reform().computedMillis().get(name);
                double ratio = Math.max(ours, 1) / (double) Math.max(scale.virtuoso().computedMillis().get(name), 1);
                logSum += Math.log(ratio);
                if (ours > slowestMillis) {
                    slowestMillis = ours;
                    slowest = name.substring(0, name.indexOf('-')).toUpperCase(Locale.ROOT);
                }
                out.append(String.format(Locale.ROOT, " %.1f× |", ratio));
            }
            out.append(String.format(Locale.ROOT, " **%.1f×** | %s, %,d ms |%n",
                    Math.exp(logSum / BenchQueries.COMPETENCY.size()), slowest, slowestMillis));
            out.append("| rows |");
            BenchQueries.COMPETENCY.forEach(name -> out.append(String.format(Locale.ROOT, " %,d |",
                    scale.rows().get(name))));
            out.append(" | |\n");
        }
        out.append(String.format(Locale.ROOT, "%n### Reform KG's named competency questions through its query API, "
                + "every answer computed (median of %d), ms%n%n| Measures | %s |%n|---|%s%n", runs,
                NAMED_QUESTIONS.keySet().stream().map(name -> name.substring(0, name.indexOf('-')).toUpperCase(Locale.ROOT))
                        .collect(Collectors.joining(" | ")), "---|".repeat(NAMED_QUESTIONS.size())));
        for (Scale scale : scales) {
            out.append(String.format(Locale.ROOT, "| %,d |", scale.measures()));
            NAMED_QUESTIONS.keySet().forEach(name -> out.append(String.format(Locale.ROOT, " %d |",
                    scale.namedMillis().get(name))));
            out.append('\n');
        }
        return out.toString();
    }

    private static String duration(long millis) {
        return millis < 120_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, millis / 1000 % 60);
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long millisSince(long begin) {
        return (System.nanoTime() - begin) / 1_000_000;
    }


    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static void log(String message) {
        System.err.println("[scale] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
