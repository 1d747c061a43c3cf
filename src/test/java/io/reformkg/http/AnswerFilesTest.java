package io.reformkg.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers on disk: found again by a new process's cache, kept apart, within budget, never failing a request. */
class AnswerFilesTest {
    private static final long BUDGET = 64 * 1024;
    private static final AnswerCache.Answer CQ2 = new AnswerCache.Answer("text/csv",
            "body,measures\n科技部,7\n".getBytes(StandardCharsets.UTF_8), "</api/queries/x?offset=100>; rel=\"next\"");

    @TempDir
    Path answers;

    @Test
    void anAnswerWrittenIsReadBackWholeByANewInstance() {
        AnswerFiles.in(answers, "sparql", "", BUDGET).write("GET /kg/sparql?query=cq2", CQ2);

        AnswerCache.Answer read = AnswerFiles.in(answers, "sparql", "", BUDGET).read("GET /kg/sparql?query=cq2")
                .orElseThrow();
        assertEquals(CQ2.contentType(), read.contentType());
        assertArrayEquals(CQ2.body(), read.body());
        assertEquals(CQ2.link(), read.link());
        assertTrue(AnswerFiles.in(answers, "sparql", "", BUDGET).read("GET /kg/sparql?query=cq1").isEmpty());
    }

    @Test
    void answersOfOtherQueriesAreKeptApartAndTheEarlierOnesRemovedOnFirstUse() throws IOException {
        AnswerFiles.in(answers, "queries", "cq2 as it was", BUDGET).write("cq2", CQ2);
        AnswerFiles.in(answers, "sparql", "", BUDGET).write("cq2", CQ2);

        AnswerFiles changed = AnswerFiles.in(answers, "queries", "cq2 changed", BUDGET);
        assertTrue(changed.read("cq2").isEmpty(), "an answer to the query as it was");
        changed.write("cq1", CQ2);

        assertEquals(2, folders().size(), "the changed queries' folder and the endpoint's: " + folders());
        assertTrue(AnswerFiles.in(answers, "queries", "cq2 as it was", BUDGET).read("cq2").isEmpty());
        assertTrue(AnswerFiles.in(answers, "sparql", "", BUDGET).read("cq2").isPresent());
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheBudget() throws IOException {
        AnswerFiles files = AnswerFiles.in(answers, "sparql", "", 10_000);
        byte[] body = new byte[1_000];
        for (int i = 0; i < 30; i++) {
            files.write("query " + i, new AnswerCache.Answer("text/csv", body, ""));
        }

        long bytes = 0;
        try (Stream<Path> kept = Files.walk(answers)) {
            for (Path file : kept.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
        }
        assertTrue(bytes <= 10_000, bytes + " bytes on disk");
        assertTrue(files.read("query 29").isPresent(), "the last written");
        assertTrue(files.read("query 0").isEmpty(), "the first written");
    }

    @Test
    void aDamagedFileIsAMissAndAFolderThatCannotBeWrittenFailsNoRequest() throws IOException {
        AnswerFiles files = AnswerFiles.in(answers, "sparql", "", BUDGET);
        files.write("cq2", CQ2);
        try (Stream<Path> kept = Files.walk(answers)) {
            for (Path file : kept.filter(Files::isRegularFile).toList()) {
                Files.write(file, "not an answer".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(Optional.empty(), files.read("cq2"));

        Path notAFolder = Files.writeString(answers.resolve("a-file"), "");
        AnswerFiles unwritable = AnswerFiles.in(notAFolder, "sparql", "", BUDGET);
        unwritable.write("cq2", CQ2);
        unwritable.write("cq3", CQ2);
        assertFalse(unwritable.read("cq2").isPresent());
    }

    private List<Path> folders() throws IOException {
        try (Stream<Path> children = Files.list(answers)) {
            return children.filter(Files::isDirectory).toList();
        }
    }
}
