package io.reformkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reformkg.error.ReformKgException;
import io.reformkg.error.UnreadableFileException;
import io.reformkg.reference.ReferenceException;
import io.reformkg.store.GraphStore;
import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken manifest or reference file stops the build with a message naming the file and the problem. */
class SourceSetErrorTest {
    /** A manifest entry for the real list, up to its publication's value. */
    private static final String LIST = "{\"batch\": 3, \"title\": \"第三批\", "
            + "\"file\": \"batch-3-innovation-reform-measures.txt\", \"publication\": ";

    @TempDir
    Path dir;
    private Path data;

    @BeforeEach
    void copyData() {
        data = dir.resolve("data");
        DataFolders.copy(SourceFixture.DATA, data);
    }

    private String buildError(Class<? extends RuntimeException> kind) {
        return assertThrows(kind, () -> GraphStore.create().data(data).build()).getMessage();
    }

    private Path manifest() {
        return data.resolve("sources").resolve(SourceSet.MANIFEST);
    }

    @Test
    void manifestNamesAMissingFile() throws IOException {
        Files.writeString(manifest(), "{\"sources\": [{\"batch\": 3, \"title\": \"第三批\", \"file\": \"batch-3.txt\"}]}");
        assertEquals(manifest() + ": source entry for batch 3: the file \"batch-3.txt\" does not exist in "
                + manifest().getParent(), buildError(SourceException.class));
    }

    @Test
    void manifestIsNotJson() throws IOException {
        Files.writeString(manifest(), "{\n  \"sources\": [\n    {\"batch\": 3,, }\n  ]\n}");
        String message = buildError(SourceException.class);
        assertEquals(manifest() + ":3: malformed manifest: Unexpected character (',' (code 44)): was expecting "
                + "double-quote to start field name; expected {\"sources\": [{\"batch\": 3, \"title\": \"…\", "
                + "\"file\": \"….txt\"}]}", message);
    }

    @Test
    void manifestIsMissing() throws IOException {
        Files.delete(manifest());
        assertEquals(manifest() + ": the manifest does not exist; expected sources/manifest.json listing the source "
                + "files, for example {\"sources\": [{\"batch\": 3, \"title\": \"…\", \"file\": \"….txt\"}]}",
                buildError(SourceException.class));
    }

    @Test
    void manifestPointsOutsideTheSourcesFolder() throws IOException {
        Files.writeString(manifest(), "{\"sources\": [{\"batch\": 3, \"title\": \"第三批\", \"file\": \"../reference/bodies.json\"}]}");
        assertEquals(manifest() + ": source entry for batch 3: expected a plain file name inside sources/, found "
                + "\"../reference/bodies.json\"", buildError(SourceException.class));
    }

    @Test
    void manifestEntryWithoutBatch() throws IOException {
        Files.writeString(manifest(), "{\"sources\": [{\"title\": \"第三批\", \"file\": \"x.txt\"}]}");
        assertEquals(manifest() + ": the source entry for file \"x.txt\" lacks a positive batch number; expected for "
                + "example \"batch\": 3",
                buildError(SourceException.class));
    }

    @Test
    void manifestWithAMalformedPublication() throws IOException {
        String complete = "\"issuer\": \"国务院办公厅\", \"notice\": \"关于…的通知\", \"attribution\": \"x\"";
        String what = manifest() + ": source entry for batch 3: ";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("{" + complete + ", \"year\": \"2020\"}",
                what + "\"publication\".\"year\" must be a four-digit number such as 2020, found \"2020\"");
        expected.put("{" + complete + ", \"year\": 20}",
                what + "\"publication\".\"year\" must be a four-digit number such as 2020, found 20");
        expected.put("{" + complete + "}",
                what + "\"publication\".\"year\" must be a four-digit number such as 2020, found nothing");
        expected.put("{" + complete.replace("\"国务院办公厅\"", "7") + ", \"year\": 2020}",
                what + "\"publication\".\"issuer\" must be a non-empty string, found 7");
        expected.put("{" + complete + ", \"year\": 2020, \"noticeEn\": [\"Notice\"]}",
                what + "\"publication\".\"noticeEn\" must be a non-empty string, found [\"Notice\"]");
        expected.put("{\"issuer\": \"国务院办公厅\", \"attribution\": \"x\", \"year\": 2020}",
                what + "\"publication\" lacks \"notice\"; expected \"publication\": {\"issuer\": \"国务院办公厅\", "
                        + "\"issuerEn\": \"…\", \"notice\": \"关于…的通知\", \"noticeEn\": \"…\", \"year\": 2020, "
                        + "\"attribution\": \"…\"}");
        expected.put("\"国务院办公厅 2020\"",
                what + "\"publication\" must be an object; expected \"publication\": {\"issuer\": \"国务院办公厅\", "
                        + "\"issuerEn\": \"…\", \"notice\": \"关于…的通知\", \"noticeEn\": \"…\", \"year\": 2020, "
                        + "\"attribution\": \"…\"}");
        for (Map.Entry<String, String> publication : expected.entrySet()) {
            Files.writeString(manifest(), "{\"sources\": [" + LIST + publication.getKey() + "}]}");
            assertEquals(publication.getValue(), buildError(SourceException.class), publication.getKey());
        }
    }

    @Test
    void manifestWithANullEntry() throws IOException {
        Files.writeString(manifest(), "{\"sources\": [null]}");
        assertEquals(manifest() + ": the manifest lists an empty (null) source entry; expected {\"batch\": 3, "
                + "\"title\": \"…\", \"file\": \"….txt\"}", buildError(SourceException.class));
    }

    @Test
    void manifestWithoutSources() throws IOException {
        for (String json : new String[] {"{}", "null", "{\"sources\": []}"}) {
            Files.writeString(manifest(), json);
            assertEquals(manifest() + ": the manifest lists no sources; expected at least one entry under \"sources\"",
                    buildError(SourceException.class), json);
        }
    }

    @Test
    void referenceFileIsNotJson() throws IOException {
        Path bodies = data.resolve("reference").resolve("bodies.json");
        Files.writeString(bodies, "{\"bodies\": [\n{\"id\": \"MOST\"\n", StandardCharsets.UTF_8);
        String message = buildError(ReferenceException.class);
        assertEquals(bodies + ":3: malformed reference data: Unexpected end-of-input: expected close marker for "
                + "Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` "
                + "disabled); line: 2, column: 1])", message);
    }

    @Test
    void referenceNamesAnUnknownSuccessor() throws IOException {
        Path bodies = data.resolve("reference").resolve("bodies.json");
        String text = Files.readString(bodies).replace("\"successor\": \"NFRA\"", "\"successor\": \"CSRC\"");
        Files.writeString(bodies, text);
        assertEquals(bodies + ": body CBIRC names unknown successor \"CSRC\"", buildError(ReferenceException.class));
    }

    @Test
    void referenceFileWithoutData() throws IOException {
        Path categories = data.resolve("reference").resolve("categories.json");
        Files.writeString(categories, "null");
        assertEquals(categories + ": the file holds no data (null or empty); expected a JSON object",
                buildError(ReferenceException.class));
        Files.writeString(categories, "{\"attribution\": \"x\"}");
        assertEquals(categories + ": missing required field \"categories\"", buildError(ReferenceException.class));
    }

    @Test
    void aSourceThatCannotBeReadIsAnIoErrorNotALine() throws IOException {
        // a folder where the list should be: reading fails whoever runs the test, root included
        Path source = Files.createDirectory(dir.resolve("list.txt"));
        ListParser parser = ListParser.create().knownBodies(List.of("科技部")).knownScopes(List.of("全国"))
                .knownCategories(List.of("科技金融创新")).build();
        UnreadableFileException error = assertThrows(UnreadableFileException.class,
                () -> parser.parse(source, new SourceEntry(3, "第三批", "Batch 3", "list.txt", null)));
        assertEquals(source, error.file());
        assertEquals(source + ": cannot read the source file: Is a directory", error.getMessage());
        assertInstanceOf(ReformKgException.class, error);
    }

    @Test
    void aManifestThatCannotBeReadIsAnIoError() throws IOException {
        Files.delete(manifest());
        Files.createDirectory(manifest());
        assertEquals(manifest() + ": cannot read the manifest: Is a directory",
                buildError(UnreadableFileException.class));
    }
}
