package io.reformkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.http.AnswerCache;
import io.reformkg.http.AnswerFiles;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset description (its statistics read the whole store) is kept beside a TDB2 store and read back. */
class DatasetDescriptionKeptTest {
    private static final LinkedDataConfig CONFIG = LinkedDataConfig.create().build();

    @Test
    void aLaterStartReadsTheDescriptionTheFirstKept(@TempDir Path db) throws IOException {
        Model first;
        try (GraphStore store = open(db)) {
            first = DatasetDescription.of(store, CONFIG);
        }
        assertEquals(1, keptFiles(db).size(), "one description kept");
        try (GraphStore store = open(db)) {
            Model again = DatasetDescription.of(store, CONFIG);
            assertTrue(first.isIsomorphicWith(again));
            assertEquals(first.getNsPrefixMap(), again.getNsPrefixMap());

            // what is kept is what is read: a description put in its place is the one served
            Files.delete(keptFiles(db).get(0));
            AnswerFiles.in(store.answersFolder().orElseThrow(), "dataset-description", "", 16L * 1024 * 1024)
                    .write(CONFIG.datasetPath(), new AnswerCache.Answer("application/n-triples",
                            ("<urn:kept> <" + VOID.triples.getURI() + "> \"42\" .\n").getBytes(StandardCharsets.UTF_8), ""));
        }
        try (GraphStore store = open(db)) {
            Model kept = DatasetDescription.of(store, CONFIG);
            assertEquals(1, kept.size());
            assertEquals("42", kept.listObjectsOfProperty(VOID.triples).next().asLiteral().getLexicalForm());
        }
    }

    @Test
    void aStoreInMemoryDescribesItselfEachTime() {
        try (GraphStore store = GraphStore.create().data(Path.of("data")).quietly().build()) {
            assertFalse(store.answersFolder().isPresent());
            Model description = DatasetDescription.of(store, CONFIG);
            assertTrue(description.contains(null, VOID.triples), "statistics computed");
        }
    }

    private static GraphStore open(Path db) {
        return GraphStore.create().data(Path.of("data")).tdb2(db).quietly().build();
    }

    private static List<Path> keptFiles(Path db) throws IOException {
        try (Stream<Path> files = Files.walk(db)) {
            return files.filter(file -> file.toString().contains("dataset-description-")
                    && file.getFileName().toString().endsWith(".answer")).toList();
        }
    }
}
