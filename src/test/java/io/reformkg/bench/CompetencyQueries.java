package io.reformkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The competency questions CQ1–CQ8 as SPARQL (test resources {@code server/cq/}), the bench drivers' query mix. */
final class CompetencyQueries {
    static final List<String> NAMES = List.of("cq1-co-guidance-pairs.rq", "cq2-measures-per-body.rq",
            "cq3-pilot-only.rq", "cq4-declared-present.rq", "cq5-single-body.rq", "cq6-categories-per-body.rq",
            "cq7-changed-bodies.rq", "cq8-measures-in-place.rq");

    private CompetencyQueries() {
    }

    /** The SPARQL of one of {@link #NAMES}. */
    static String text(String name) {
        try (InputStream in = CompetencyQueries.class.getResourceAsStream("/server/cq/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no competency query " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
