package io.reformkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.graph.IriScheme;
import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data version recorded beside a TDB2 store: the computed one, read back only while no file changed. */
class DataVersionTest {
    private static final String BASE = IriScheme.DEFAULT_BASE;

    @TempDir
    Path temp;

    private Path source(Path data) {
        return data.resolve("sources").resolve("batch-3-innovation-reform-measures.txt");
    }

    /** Files last changed an hour ago: long settled when a record is written now. */
    private static Path settled(Path data) {
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, hourAgo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    /** The same number of bytes (科技部 and 科学部 are both nine in UTF-8), its modification time put back. */
    private void rewriteKeepingSizeAndTime(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("科技部", "科学部"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);
    }

    @Test
    void theRecordedVersionIsTheComputedOneAndStandsWhileNamesSizesAndTimesDo() throws IOException {
        Path data = settled(DataFolders.copyOfData(temp));
        Path record = temp.resolve("data-version.properties");
        String computed = DataVersion.of(data, BASE);
        assertEquals(computed, DataVersion.of(data, BASE, record));
        assertTrue(Files.readString(record).contains("version=" + computed));
        // what the record says answers: a change that keeps a file's size and time goes unseen, as with rsync
        rewriteKeepingSizeAndTime(source(data));
        assertNotEquals(computed, DataVersion.of(data, BASE), "the bytes did change");
        assertEquals(computed, DataVersion.of(data, BASE, record));
    }

    @Test
    void aFileWithAnotherTimeOrSizeOrANewFileIsReadAgain() throws IOException {
        Path data = settled(DataFolders.copyOfData(temp));
        Path record = temp.resolve("data-version.properties");
        String first = DataVersion.of(data, BASE, record);
        rewriteKeepingSizeAndTime(source(data));
        Files.setLastModifiedTime(source(data), FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
        String retimed = DataVersion.of(data, BASE, record);
        assertEquals(DataVersion.of(data, BASE), retimed);
        assertNotEquals(first, retimed);
        Path added = Files.writeString(data.resolve("sources").resolve("notes.txt"), "更多");
        Files.setLastModifiedTime(added, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
        String withNewFile = DataVersion.of(data, BASE, record);
        assertEquals(DataVersion.of(data, BASE), withNewFile);
        assertNotEquals(retimed, withNewFile);
    }

    @Test
    void aFileChangedJustBeforeTheRecordWasWrittenIsReadAgain() throws IOException {
        Path data = DataFolders.copyOfData(temp); // copied just now: not settled when recorded
        Path record = temp.resolve("data-version.properties");
        String first = DataVersion.of(data, BASE, record);
        rewriteKeepingSizeAndTime(source(data));
        String second = DataVersion.of(data, BASE, record);
        assertEquals(DataVersion.of(data, BASE), second);
        assertNotEquals(first, second);
    }

    @Test
    void anotherBaseOrARecordThatCannotBeWrittenGivesTheComputedVersion() {
        Path data = settled(DataFolders.copyOfData(temp));
        Path record = temp.resolve("data-version.properties");
        DataVersion.of(data, BASE, record);
        String otherBase = "https://example.org/kg/";
        assertEquals(DataVersion.of(data, otherBase), DataVersion.of(data, otherBase, record));
        assertNotEquals(DataVersion.of(data, BASE), DataVersion.of(data, otherBase));
        Path unwritable = temp.resolve("no-such-folder").resolve("data-version.properties");
        assertEquals(DataVersion.of(data, BASE), DataVersion.of(data, BASE, unwritable));
        assertEquals(DataVersion.of(data, BASE), DataVersion.of(data, BASE, unwritable), "computed again, not failed");
    }
}
