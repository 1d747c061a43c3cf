package io.reformkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * OpenLink Virtuoso 7 (Debian's {@code virtuoso-opensource}) as a third server beside Reform KG
 * and plain Fuseki: a database in a folder of its own, listening on loopback ports only, loaded
 * from the same N-Quads with its bulk loader ({@code ld_dir}, {@code rdf_loader_run}), its SPARQL
 * endpoint's default graph the union of every graph as on the other two. The limits that would cut
 * an answer (result rows, execution time) are lifted; its memory is 170,000 buffers of 8 KiB
 * (1.3 GiB), as Virtuoso's own guide sizes it for a machine of this memory shared with others.
 */
final class Virtuoso {
    /** Loaded quads without a graph of their own would go here; the dump has none. */
    private static final String DEFAULT_GRAPH = "urn:reform-kg:bench:default";

    private final Path folder;
    private final String server;
    private final String isql;

    /** {@code server} and {@code isql}: the commands Debian installs, {@code virtuoso-t} and {@code isql-vt}. */
    Virtuoso(Path folder, String server, String isql) {
        this.folder = folder.toAbsolutePath().normalize();
        this.server = server;
        this.isql = isql;
    }

    /** The database's folder, to read into the page cache like the other stores. */
    Path database() {
        return folder.resolve("db");
    }

    /**
     * Creates the database and loads the quads with the bulk loader, then checkpoints it, so the
     * next start finds them on disk. Fails when the loader reports an error for the file.
     */
    void load(Path nquads, BenchHttp http, Path log) throws IOException, InterruptedException {
        Path load = folder.resolve("load");
        Files.createDirectories(load);
        Files.createDirectories(database());
        Path linked = load.resolve("quads.nq");
        Files.deleteIfExists(linked);
        Files.createLink(linked, nquads);
        int httpPort = BenchHttp.freePort();
        int sqlPort = BenchHttp.freePort();
        Process process = start(httpPort, sqlPort, log);
        try {
            http.awaitReady(process, BenchHttp.Endpoint.virtuoso(httpPort), log);
            Path isqlLog = folder.resolve("isql.log");
            BenchHttp.run(List.of(isql, "127.0.0.1:" + sqlPort, "dba", "dba", "exec=ld_dir('" + load + "', '*.nq', '"
                    + DEFAULT_GRAPH + "'); rdf_loader_run(); checkpoint; "
                    + "select ll_file, ll_error from DB.DBA.load_list where ll_error is not null;"), isqlLog);
            String output = Files.readString(isqlLog, StandardCharsets.UTF_8);
            if (output.contains("*** Error") || !output.contains("0 Rows.")) {
                throw new IllegalStateException("Virtuoso's bulk load failed; see " + isqlLog);
            }
        } finally {
            BenchHttp.stop(process);
            Files.deleteIfExists(linked);
        }
    }

    /** Starts the server on the database with its SPARQL endpoint on {@code httpPort}. */
    Process launch(int httpPort, Path log) throws IOException {
        return start(httpPort, BenchHttp.freePort(), log);
    }

    private Process start(int httpPort, int sqlPort, Path log) throws IOException {
        Path ini = folder.resolve("virtuoso.ini");
        Files.writeString(ini, ini(httpPort, sqlPort), StandardCharsets.UTF_8);
        return new ProcessBuilder(server, "+foreground", "+configfile", ini.toString()).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private String ini(int httpPort, int sqlPort) {
        Path db = database();
        return String.join("\n",
                "[Database]",
                "DatabaseFile = " + db.resolve("virtuoso.db"),
                "ErrorLogFile = " + db.resolve("virtuoso.log"),
                "LockFile = " + db.resolve("virtuoso.lck"),
                "TransactionFile = " + db.resolve("virtuoso.trx"),
                "xa_persistent_file = " + db.resolve("virtuoso.pxa"),
                "FileExtend = 200",
                "MaxCheckpointRemap = 2000",
                "Striping = 0",
                "TempStorage = TempDatabase",
                "[TempDatabase]",
                "DatabaseFile = " + db.resolve("virtuoso-temp.db"),
                "TransactionFile = " + db.resolve("virtuoso-temp.trx"),
                "MaxCheckpointRemap = 2000",
                "Striping = 0",
                "[Parameters]",
                "ServerPort = 127.0.0.1:" + sqlPort,
                "DisableUnixSocket = 1",
                "CheckpointInterval = 60",
                "CaseMode = 2",
                "DirsAllowed = ., " + folder.resolve("load"),
                "NumberOfBuffers = 170000",
                "MaxDirtyBuffers = 130000",
                "MaxQueryMem = 1G",
                "[HTTPServer]",
                "ServerPort = 127.0.0.1:" + httpPort,
                "ServerThreads = 20",
                "MaxClientConnections = 20",
                "Charset = UTF-8",
                "[SPARQL]",
                "ResultSetMaxRows = 100000000",
                "MaxQueryExecutionTime = 0",
                "MaxQueryCostEstimationTime = 0",
                "");
    }
}
