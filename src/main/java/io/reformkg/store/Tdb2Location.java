package io.reformkg.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.validation.Finding;
import io.reformkg.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A folder holding TDB2 databases, of which one is current. A build goes into a fresh
 * {@code building-*} folder; only once it is complete and closed is it renamed to
 * {@code store-*} and the small {@code current} file atomically replaced to point at it. A
 * process killed mid-build therefore leaves the previous store current and untouched, and the
 * half-built folder is removed at the next start. A store's folder holds its findings and its
 * text index too, so they switch with it.
 */
final class Tdb2Location {
    private static final String POINTER = "current";
    private static final String STORE_KEY = "store";
    private static final String VERSION_KEY = "version";
    private static final String FINDINGS = "findings.json";
    /** Inside the store's folder, so the switch to a new store switches its index with it. */
    private static final String TEXT_INDEX = "text-index";
    private static final String BUILDING_PREFIX = "building-";
    private static final String STORE_PREFIX = "store-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    Tdb2Location(Path dir) {
        this.dir = dir;
    }

    /** A store built from inputs of this version, if the folder holds a complete one. */
    Optional<Path> current(String version) {
        Path pointer = dir.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(pointer)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
        Path store = dir.resolve(properties.getProperty(STORE_KEY, ""));
        boolean matches = version.equals(properties.getProperty(VERSION_KEY))
                && store.getParent().equals(dir) && Files.isDirectory(store);
        return matches ? Optional.of(store) : Optional.empty();
    }

    /** A new, empty folder to build a store in. */
    Path startBuild() {
        try {
            Files.createDirectories(dir);
            removeLeftovers(null);
            return Files.createDirectory(dir.resolve(BUILDING_PREFIX + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a TDB2 folder in " + dir, e);
        }
    }

    /** Makes a finished build current, then removes the stores it replaces. */
    Path commit(Path building, String version) {
        try {
            Path store = dir.resolve(STORE_PREFIX + building.getFileName().toString().substring(BUILDING_PREFIX.length()));
            Files.move(building, store, StandardCopyOption.ATOMIC_MOVE);
            Properties properties = new Properties();
            properties.setProperty(STORE_KEY, store.getFileName().toString());
            properties.setProperty(VERSION_KEY, version);
            Path temporary = dir.resolve(POINTER + ".tmp");
            try (var out = Files.newOutputStream(temporary)) {
                properties.store(out, "the complete TDB2 store in use; written last, atomically");
            }
            Files.move(temporary, dir.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            removeLeftovers(store);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch the TDB2 store in " + dir, e);
        }
    }

    /** Removes a build that failed, so a bad source leaves nothing behind. */
    void abandon(Path building) {
        try {
            deleteTree(building);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the failed build " + building, e);
        }
    }

    /** Removes half-built folders and stores other than {@code keep}. */
    private void removeLeftovers(Path keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean leftover = name.startsWith(BUILDING_PREFIX)
                        || name.startsWith(STORE_PREFIX) && keep != null && !entry.equals(keep);
                if (leftover && Files.isDirectory(entry)) {
                    deleteTree(entry);
                }
            }
        }
    }

    static Path textIndex(Path store) {
        return store.resolve(TEXT_INDEX);
    }

    static Dataset connect(Path store) {
        return TDB2Factory.connectDataset(store.toString());
    }

    /** Closes a dataset and releases its files, so its folder can be renamed or deleted. */
    static void release(DatasetGraph dataset) {
        TDBInternal.expel(dataset);
    }

    static void writeFindings(Path store, ValidationResult validation) {
        try {
            JSON.writeValue(store.resolve(FINDINGS).toFile(), validation.findings());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + store.resolve(FINDINGS), e);
        }
    }

    static ValidationResult readFindings(Path store) {
        try {
            return new ValidationResult(JSON.readValue(store.resolve(FINDINGS).toFile(),
                    new TypeReference<List<Finding>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + store.resolve(FINDINGS), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
