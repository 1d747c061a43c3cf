package io.reformkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reform-kg serve}: bad options, bad data, a busy port, a store folder that cannot hold
 * the store and one another process serves from give one clear line and status 2.
 */
class ServeCommandTest {
    @Test
    void rejectsABadTimeout() {
        String err = runExpectingStatus2("serve", "--timeout", "soon");
        assertTrue(err.startsWith("error: Invalid value for option '--timeout': 'soon' is not a duration"), err);
    }

    @Test
    void rejectsABadPort() {
        String err = runExpectingStatus2("serve", "--port", "70000");
        assertTrue(err.startsWith("error: the port must be between 0 and 65535; found 70000"), err);
    }

    @Test
    void rejectsAMissingDataFolder() {
        String err = runExpectingStatus2("serve", "--data", "no-such-folder");
        assertTrue(err.startsWith("error: the data folder ") && err.contains("no-such-folder does not exist"), err);
    }

    @Test
    void rejectsAMissingDataFolderWhenWatching() {
        String err = runExpectingStatus2("serve", "--watch", "--data", "no-such-folder");
        assertTrue(err.startsWith("error: the data folder ") && err.contains("no-such-folder does not exist"), err);
    }

    @Test
    void reportsAPortInUse() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String err = runExpectingStatus2("serve", "--port", String.valueOf(busy.getLocalPort()));
            assertTrue(err.startsWith("error: cannot listen on 127.0.0.1:" + busy.getLocalPort()), err);
        }
    }

    @Test
    void refusesACacheBesideATdb2StoreOrNoCache(@TempDir Path temp) {
        String err = runExpectingStatus2("serve", "--port", "0", "--cache", temp.resolve("cache").toString(), "--tdb2",
                temp.resolve("db").toString());
        assertEquals("error: --cache keeps a graph built in memory; with --tdb2 the store's own folder keeps it: give "
                + "one of the two (see reform-kg serve --help)\n", err);
        err = runExpectingStatus2("serve", "--port", "0", "--cache", temp.resolve("cache").toString(), "--no-cache");
        assertEquals("error: --cache keeps a graph built in memory; --no-cache keeps none: give one of the two "
                + "(see reform-kg serve --help)\n", err);
        assertFalse(Files.exists(temp.resolve("cache")) || Files.exists(temp.resolve("db")), "nothing is written");
    }

    @Test
    void inMemoryASecondStartReusesTheGraphKeptByTheFirst(@TempDir Path temp) {
        String cache = temp.resolve("cache").toString();
        CliRun first = CliRun.of("serve", "--check", "--port", "0", "--cache", cache);
        assertEquals(0, first.status(), first.out() + first.err());
        assertTrue(first.out().contains(", in memory, built from data (cache " + cache + "), serving read-only"),
                first.out());
        CliRun second = CliRun.of("serve", "--check", "--port", "0", "--cache", cache);
        assertEquals(0, second.status(), second.out() + second.err());
        assertTrue(second.out().contains(", in memory, the graph kept in " + cache + " reused, serving read-only"),
                second.out());
        assertTrue(second.out().contains("check: every surface answered"), second.out());
        CliRun uncached = CliRun.of("serve", "--check", "--port", "0", "--no-cache");
        assertEquals(0, uncached.status(), uncached.out() + uncached.err());
        assertTrue(uncached.out().contains(", in memory, built from data, serving read-only"), uncached.out());
    }

    @Test
    void refusesAStoreFolderThatIsAFile(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("store"), "not a folder");
        String err = runExpectingStatus2("serve", "--port", "0", "--tdb2", file.toString());
        assertEquals("error: the TDB2 folder " + file + " is a file; expected a folder\n", err);
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void refusesAStoreFolderUnderAFile(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "");
        String err = runExpectingStatus2("serve", "--port", "0", "--tdb2", file.resolve("store").toString());
        assertEquals("error: the TDB2 folder " + file.resolve("store") + " cannot be created: " + file
                + " is a file, not a folder\n", err);
    }

    @Test
    void namesAStoreFolderThatCannotBeWritten() {
        // /proc takes no new folders from anyone: root is told it does not exist, other users are refused
        String err = runExpectingStatus2("serve", "--port", "0", "--tdb2", "/proc/reform-kg-store");
        String folder = "error: the TDB2 folder /proc/reform-kg-store cannot be written: ";
        assertTrue(err.equals(folder + "No such file or directory\n") || err.equals(folder + "Permission denied\n"), err);
    }

    @Test
    void aStoreFolderServedByAnotherProcessIsRefused(@TempDir Path temp) throws Exception {
        Path db = temp.resolve("db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.reformkg.cli.Main", "serve", "--port", "0", "--tdb2", db.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("SPARQL endpoint")) {
                // the other server is still building the store
            }
            assertTrue(line != null, "the other server started");
            String err = runExpectingStatus2("serve", "--port", "0", "--tdb2", db.toString());
            assertEquals("error: the TDB2 folder " + db + " is in use by another process (pid " + other.pid()
                    + "); stop it, or give this one another folder\n", err);
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    @Test
    void aStoreThatCannotBeMadeCurrentIsNotKept(@TempDir Path temp) throws IOException {
        // a folder where the pointer file is written lets the whole build run, then fails its last step
        Path db = temp.resolve("db");
        Path blocked = Files.createDirectories(db.resolve("current.tmp").resolve("in-the-way"));
        String err = runExpectingStatus2("serve", "--port", "0", "--tdb2", db.toString());
        assertEquals("error: the TDB2 folder " + db + " cannot be written: Is a directory (" + db.resolve("current.tmp")
                + ")\n", err);
        try (Stream<Path> entries = Files.list(db)) {
            assertEquals(List.of(blocked.getParent()), entries.filter(Files::isDirectory).toList(),
                    "no store is left behind");
        }
    }

    @Test
    void readsDurations() {
        ServeCommand.DurationConverter converter = new ServeCommand.DurationConverter();
        assertEquals(Duration.ofSeconds(10), converter.convert("10s"));
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5"));
    }

    @Test
    void readsSizes() {
        ServeCommand.SizeConverter converter = new ServeCommand.SizeConverter();
        assertEquals(OptionalLong.of(256L << 20), converter.convert("256m"));
        assertEquals(OptionalLong.of(1L << 30), converter.convert("1G"));
        assertEquals(OptionalLong.of(4096L), converter.convert("4k"));
        assertEquals(OptionalLong.of(1000L), converter.convert("1000"));
        assertEquals(OptionalLong.empty(), converter.convert("none"));
    }

    @Test
    void rejectsBadLimits() {
        String size = runExpectingStatus2("serve", "--query-memory", "lots");
        assertTrue(size.startsWith("error: Invalid value for option '--query-memory': 'lots' is not a size"), size);
        String clients = runExpectingStatus2("serve", "--client-queries", "0");
        assertTrue(clients.contains("the number of queries one client runs at once must be positive; found 0"), clients);
    }

    private static String runExpectingStatus2(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run(args);
        } finally {
            System.setErr(original);
        }
        // the build's own log line reaches this stream when the logger first starts in here
        String message = err.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d INFO .*"))
                .map(line -> line + "\n").collect(Collectors.joining());
        assertEquals(2, status, message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        assertFalse(message.contains("\tat "), "no stack trace");
        return message;
    }
}
