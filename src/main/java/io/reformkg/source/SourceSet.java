package io.reformkg.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.reformkg.error.UnreadableFileException;
import io.reformkg.reference.ReferenceData;
import io.reformkg.reference.Scope;
import io.reformkg.reference.Term;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The entry point of the source stage: reads {@code sources/manifest.json} in a data folder and
 * parses the lists it names, one at a time as they are iterated, so a corpus of any size is read
 * in memory bounded by its largest list. A new list is added by dropping its file into
 * {@code sources/} and adding a manifest entry.
 */
public final class SourceSet implements Iterable<ParsedList> {
    public static final String MANIFEST = "manifest.json";

    // Lenient on purpose: titleEn and publication are optional, and readManifest checks each
    // required field with its own message.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String PUBLICATION_EXAMPLE = "\"publication\": {\"issuer\": \"国务院办公厅\", "
            + "\"issuerEn\": \"…\", \"notice\": \"关于…的通知\", \"noticeEn\": \"…\", \"year\": 2020, "
            + "\"attribution\": \"…\"}";

    private final Path sourcesDir;
    private final List<SourceEntry> entries;
    private final ListParser parser;

    private SourceSet(Path sourcesDir, List<SourceEntry> entries, ListParser parser) {
        this.sourcesDir = sourcesDir;
        this.entries = List.copyOf(entries);
        this.parser = parser;
    }

    private record Manifest(List<ManifestEntry> sources) {
    }

    /** An entry as written; its publication is checked field by field, so a wrong type gets its own message. */
    private record ManifestEntry(int batch, String title, String titleEn, String file, JsonNode publication) {
    }

    /**
     * Reads and checks the manifest of {@code dataDir}; the lists are parsed when iterated, each
     * failing with a {@link SourceException} that names its file and line.
     */
    public static SourceSet open(Path dataDir, ReferenceData reference) {
        Path sourcesDir = dataDir.resolve("sources");
        List<SourceEntry> entries = readManifest(sourcesDir.resolve(MANIFEST));
        ListParser parser = ListParser.create()
                .knownBodies(reference.listedBodyNames())
                .knownScopes(reference.scopes().stream().map(Scope::text).toList())
                .knownDivisions(reference.places())
                .knownCategories(reference.categories().stream().map(Term::zh).toList())
                .build();
        return new SourceSet(sourcesDir, entries, parser);
    }

    /** The manifest's entries, in manifest order. */
    public List<SourceEntry> entries() {
        return entries;
    }

    /** Parses the lists in manifest order, one per step: only the current list is held. */
    @Override
    public Iterator<ParsedList> iterator() {
        Iterator<SourceEntry> remaining = entries.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return remaining.hasNext();
            }

            @Override
            public ParsedList next() {
                SourceEntry entry = remaining.next();
                return parser.parse(sourcesDir.resolve(entry.file()), entry);
            }
        };
    }

    /** Reads and checks the manifest alone: the files it names, without parsing them. */
    public static List<SourceEntry> readManifest(Path manifest) {
        Manifest parsed;
        try {
            parsed = JSON.readValue(Files.readAllBytes(manifest), Manifest.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(manifest, line, "malformed manifest: " + e.getOriginalMessage()
                    + "; expected {\"sources\": [{\"batch\": 3, \"title\": \"…\", \"file\": \"….txt\"}]}");
        } catch (NoSuchFileException e) {
            throw new SourceException(manifest, 0, "the manifest does not exist; expected sources/" + MANIFEST
                    + " listing the source files, for example {\"sources\": [{\"batch\": 3, \"title\": \"…\", "
                    + "\"file\": \"….txt\"}]}");
        } catch (IOException e) {
            throw new UnreadableFileException("the manifest", manifest, e);
        }
        if (parsed == null || parsed.sources() == null || parsed.sources().isEmpty()) {
            throw new SourceException(manifest, 0, "the manifest lists no sources; expected at least one entry "
                    + "under \"sources\"");
        }
        Set<Integer> batches = new HashSet<>();
        Set<String> files = new HashSet<>();
        List<SourceEntry> entries = new ArrayList<>();
        for (ManifestEntry entry : parsed.sources()) {
            if (entry == null) {
                throw new SourceException(manifest, 0, "the manifest lists an empty (null) source entry; expected "
                        + "{\"batch\": 3, \"title\": \"…\", \"file\": \"….txt\"}");
            }
            if (entry.batch() < 1) {
                throw new SourceException(manifest, 0, "the source entry for file \"" + entry.file()
                        + "\" lacks a positive batch number; expected for example \"batch\": 3");
            }
            String what = "source entry for batch " + entry.batch();
            if (entry.title() == null || entry.title().isBlank() || entry.file() == null || entry.file().isBlank()) {
                throw new SourceException(manifest, 0, what + ": expected a \"title\" and a \"file\"");
            }
            if (entry.file().contains("/") || entry.file().contains("\\") || entry.file().startsWith(".")) {
                throw new SourceException(manifest, 0, what + ": expected a plain file name inside sources/, found \""
                        + entry.file() + "\"");
            }
            if (!batches.add(entry.batch())) {
                throw new SourceException(manifest, 0, "duplicate batch " + entry.batch() + " in the manifest");
            }
            if (!files.add(entry.file())) {
                throw new SourceException(manifest, 0, "the file \"" + entry.file() + "\" is listed twice");
            }
            if (!Files.isRegularFile(manifest.resolveSibling(entry.file()))) {
                throw new SourceException(manifest, 0, what + ": the file \"" + entry.file()
                        + "\" does not exist in " + manifest.getParent());
            }
            entries.add(new SourceEntry(entry.batch(), entry.title(), entry.titleEn(), entry.file(),
                    readPublication(manifest, what, entry.publication())));
        }
        return List.copyOf(entries);
    }

    /** The optional publication facts of one entry: issuer, notice, year and attribution required, English optional. */
    private static Publication readPublication(Path manifest, String what, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new SourceException(manifest, 0, what + ": \"publication\" must be an object; expected "
                    + PUBLICATION_EXAMPLE);
        }
        JsonNode year = node.get("year");
        if (year == null || !year.isIntegralNumber() || year.asLong() < 1000 || year.asLong() > 9999) {
            throw new SourceException(manifest, 0, what + ": \"publication\".\"year\" must be a four-digit "
                    + "number such as 2020, found " + (year == null ? "nothing" : year.toString()));
        }
        return new Publication(text(manifest, what, node, "issuer", true),
                text(manifest, what, node, "issuerEn", false),
                text(manifest, what, node, "notice", true),
                text(manifest, what, node, "noticeEn", false),
                year.intValue(),
                text(manifest, what, node, "attribution", true));
    }

    private static String text(Path manifest, String what, JsonNode publication, String field, boolean required) {
        JsonNode value = publication.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new SourceException(manifest, 0, what + ": \"publication\" lacks \"" + field
                        + "\"; expected " + PUBLICATION_EXAMPLE);
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new SourceException(manifest, 0, what + ": \"publication\".\"" + field
                    + "\" must be a non-empty string, found " + value);
        }
        return value.asText();
    }
}
