package io.reformkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code reform-kg serve}: bad options, bad data and a busy port give one clear line and status 2. */
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
    void readsDurations() {
        ServeCommand.DurationConverter converter = new ServeCommand.DurationConverter();
        assertEquals(Duration.ofSeconds(10), converter.convert("10s"));
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5"));
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
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        assertFalse(message.contains("\tat "), "no stack trace");
        return message;
    }
}
