package io.reformkg.http;

import java.time.Duration;

/** Durations as the server states them to people: {@code 10 s}, {@code 300 ms}. */
public final class Durations {
    private Durations() {
    }

    /** Whole seconds as seconds, anything finer in milliseconds. */
    public static String text(Duration duration) {
        return duration.toMillisPart() == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
