package io.reformkg.store;

import java.time.Instant;

/**
 * A rebuild that did not replace the served graph: when it was tried, the data version it was
 * built from, and why it failed (for a bad source, {@code file:line: problem}).
 */
public record FailedRebuild(Instant at, String version, String reason) {
}
