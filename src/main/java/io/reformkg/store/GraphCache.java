package io.reformkg.store;

import io.reformkg.error.OsErrors;
import io.reformkg.search.MeasureIndex;
import io.reformkg.search.SearchIndex;
import io.reformkg.validation.ValidationResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a build in memory made — the quads (RDF Thrift), the text and measure indexes and
 * the SHACL findings — in a folder between starts, one snapshot per data version: the graph is a
 * pure function of the data version and of the program, so a start on unchanged data by the same
 * program reads the snapshot back instead of building. A snapshot is written into a
 * {@code building-*} folder and renamed into place only when complete; the SHA-256 of each of its
 * files is recorded and checked as it is read, so a damaged snapshot is rebuilt, never served. A
 * folder that cannot be read or written costs the build only: a line in the log says why, and the
 * start goes on from the data folder. What is read is copied into memory, so a snapshot may be
 * removed while its graph is served.
 */
final class GraphCache {
    private static final Logger LOG = LoggerFactory.getLogger(GraphCache.class);
    private static final String SNAPSHOT_PREFIX = "graph-";
    private static final String BUILDING_PREFIX = "building-";
    private static final String QUADS = "quads.rt";
    private static final String TEXT_INDEX = "text-index";
    private static final String MEASURE_INDEX = "measure-index";
    private static final String FINDINGS = "findings.json";
    private static final String RECORD = "snapshot.properties";
    private static final String VERSION_KEY = "version";
    private static final String PROGRAM_KEY = "program";
    private static final String QUAD_COUNT_KEY = "quads";
    private static final String DIGEST_PREFIX = "sha256.";
    /** Snapshots kept, the most recently used first: a few data folders or versions served in turn. */
    static final int KEPT = 3;
    /** A {@code building-*} folder this old was left by a process that ended while writing it. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path dir;
    private final String program;

    /** A cache in {@code dir}, for snapshots made by {@code program} (see {@link #programStamp()}). */
    GraphCache(Path dir, String program) {
        this.dir = dir.toAbsolutePath().normalize();
        this.program = program;
    }

    /** What a snapshot gives back: the dataset wrapped with its text index, the measure index, the findings. */
    record Snapshot(Dataset dataset, MeasureIndex facts, ValidationResult findings) {
    }

    /**
     * The graph kept for this data version, read into memory; empty when none is kept, when this
     * program did not make it, or when it cannot be read (then logged and removed).
     */
    Optional<Snapshot> read(String version) {
        Path snapshot = snapshot(version);
        if (!Files.isDirectory(snapshot)) {
            return Optional.empty();
        }
        Properties record;
        try {
            record = PropertiesFile.read(snapshot.resolve(RECORD));
        } catch (IOException e) {
            return unreadable(snapshot, "its record " + RECORD + " cannot be read: " + e.getMessage());
        }
        if (record.getProperty(PROGRAM_KEY) == null || record.getProperty(VERSION_KEY) == null) {
            return unreadable(snapshot, "its record " + RECORD + " is incomplete");
        }
        if (!program.equals(record.getProperty(PROGRAM_KEY))) {
            LOG.info("the graph kept in {} was built by another build of the program; building it again", snapshot);
            return Optional.empty();
        }
        Dataset dataset = null;
        MeasureIndex facts = null;
        try {
            requireVersion(record, version);
            for (Map.Entry<String, String> file : digests(record).entrySet()) {
                if (!file.getKey().equals(QUADS)) {
                    requireDigest(snapshot, file.getKey(), file.getValue(), sha256(snapshot.resolve(file.getKey())));
                }
            }
            dataset = readQuads(snapshot, record);
            facts = MeasureIndex.create().directory(snapshot.resolve(MEASURE_INDEX)).load();
            ValidationResult findings = Tdb2Location.readFindings(snapshot);
            Dataset served = SearchIndex.create().directory(snapshot.resolve(TEXT_INDEX)).load(dataset);
            touch(snapshot);
            return Optional.of(new Snapshot(served, facts, findings));
        } catch (IOException | RuntimeException e) {
            if (facts != null) {
                facts.close();
            }
            if (dataset != null) {
                dataset.close();
            }
            return unreadable(snapshot, why(e));
        }
    }

    /** What went wrong, as the other messages word it: the OS's reason for a file, else the message. */
    private static String why(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return cause instanceof IOException io ? OsErrors.reason(io) : String.valueOf(cause.getMessage());
    }

    private Optional<Snapshot> unreadable(Path snapshot, String why) {
        LOG.warn("the graph kept in {} cannot be read ({}); building it from the data folder instead", snapshot, why);
        deleteQuietly(snapshot);
        return Optional.empty();
    }

    private static void requireVersion(Properties record, String version) throws IOException {
        if (!version.equals(record.getProperty(VERSION_KEY))) {
            throw new IOException("its record names data version " + record.getProperty(VERSION_KEY)
                    + " where its folder names " + version);
        }
    }

    private static void requireDigest(Path snapshot, String file, String expected, String actual) throws IOException {
        if (!expected.equals(actual)) {
            throw new IOException(file + " is not the file written (SHA-256 " + actual + ", recorded " + expected + ")");
        }
    }

    /** The quads into a new dataset in memory, checked against the recorded digest and count as they are read. */
    private static Dataset readQuads(Path snapshot, Properties record) throws IOException {
        String expected = record.getProperty(DIGEST_PREFIX + QUADS);
        if (expected == null) {
            throw new IOException("its record has no digest of " + QUADS);
        }
        // read-only from here on: graphs in memory (GraphMem2, same-term as the build's dataset), which
        // take the quads several times faster than the build's transactional dataset
        Dataset dataset = DatasetFactory.createGeneral();
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(snapshot.resolve(QUADS))),
                digest)) {
            Txn.executeWrite(dataset, () -> RDFDataMgr.read(dataset.asDatasetGraph(), in, Lang.RDFTHRIFT));
            // the parser may stop before the end of a damaged file; the digest covers every byte
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            dataset.close();
            throw e;
        }
        try {
            requireDigest(snapshot, QUADS, expected, HexFormat.of().formatHex(digest.digest()));
            long quads = Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().stream().count());
            if (!String.valueOf(quads).equals(record.getProperty(QUAD_COUNT_KEY))) {
                throw new IOException(QUADS + " holds " + quads + " quads; " + record.getProperty(QUAD_COUNT_KEY)
                        + " were written");
            }
        } catch (IOException e) {
            dataset.close();
            throw e;
        }
        return dataset;
    }

    /**
     * Keeps a build's dataset (before its text index was put around it), indexes and findings
     * for the next start on this data version. Never fails: what cannot be written is logged and
     * removed, and the next start builds again.
     */
    void write(String version, Dataset dataset, SearchIndex.Writer text, MeasureIndex facts, ValidationResult findings) {
        Path target = snapshot(version);
        Path building = null;
        try {
            Files.createDirectories(dir);
            removeAbandoned();
            building = Files.createDirectory(dir.resolve(BUILDING_PREFIX + UUID.randomUUID()));
            Properties record = new Properties();
            record.setProperty(VERSION_KEY, version);
            record.setProperty(PROGRAM_KEY, program);
            writeQuads(dataset, building, record);
            text.copyTo(building.resolve(TEXT_INDEX));
            facts.copyTo(building.resolve(MEASURE_INDEX));
            Tdb2Location.writeFindings(building, findings);
            for (Path file : files(building)) {
                String name = building.relativize(file).toString();
                if (!name.equals(QUADS)) {
                    record.setProperty(DIGEST_PREFIX + name, sha256(file));
                }
            }
            PropertiesFile.replace(building.resolve(RECORD), record, "a graph built in memory: its data version, the "
                    + "program that built it, the quads and the SHA-256 of each file");
            if (Files.exists(target)) {
                // kept by another process meanwhile, or by this program before a version of the record it cannot read
                deleteTree(target);
            }
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("kept the built graph in {} for the next start", target);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot keep the built graph in {} ({}); the next start builds it again", dir, why(e));
            if (building != null) {
                deleteQuietly(building);
            }
            return;
        }
        try {
            removeLeastRecentlyUsed(target);
        } catch (IOException | RuntimeException e) {
            // another process removing snapshots too: what stays is removed by a later write
        }
    }

    private static void writeQuads(Dataset dataset, Path building, Properties record) throws IOException {
        MessageDigest digest = sha256Digest();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(
                building.resolve(QUADS))), digest)) {
            long quads = Txn.calculateRead(dataset, () -> {
                RDFDataMgr.write(out, dataset.asDatasetGraph(), RDFFormat.RDF_THRIFT);
                return dataset.asDatasetGraph().stream().count();
            });
            record.setProperty(QUAD_COUNT_KEY, String.valueOf(quads));
        }
        record.setProperty(DIGEST_PREFIX + QUADS, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * What identifies the program that builds: the jar's (or classes folder's) size and time. A
     * graph kept by another build of the program is built again, as its rules may differ.
     */
    static String programStamp() {
        try {
            Path code = Path.of(GraphCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code.getFileName() + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            try (Stream<Path> classes = Files.walk(code)) {
                return code + " " + classes.filter(Files::isRegularFile).map(GraphCache::modified)
                        .max(Comparator.naturalOrder()).orElse(0L);
            }
        } catch (Exception e) {
            // no code source to read: a stamp no snapshot matches, so each start builds
            return "unknown " + UUID.randomUUID();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path snapshot(String version) {
        return dir.resolve(SNAPSHOT_PREFIX + version);
    }

    private static Map<String, String> digests(Properties record) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        record.stringPropertyNames().stream().filter(key -> key.startsWith(DIGEST_PREFIX))
                .forEach(key -> digests.put(key.substring(DIGEST_PREFIX.length()), record.getProperty(key)));
        if (!digests.containsKey(FINDINGS)) {
            throw new IOException("its record lists no " + FINDINGS);
        }
        return digests;
    }

    /** Marks a snapshot as used now: the least recently used are removed first. */
    private static void touch(Path snapshot) {
        try {
            Files.setLastModifiedTime(snapshot, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // a read-only cache: the order of removal is all it changes
        }
    }

    private void removeAbandoned() throws IOException {
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> building = Files.newDirectoryStream(dir, BUILDING_PREFIX + "*")) {
            for (Path folder : building) {
                if (Files.getLastModifiedTime(folder).toInstant().isBefore(before)) {
                    deleteQuietly(folder);
                }
            }
        }
    }

    private void removeLeastRecentlyUsed(Path keep) throws IOException {
        List<Path> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> kept = Files.newDirectoryStream(dir, SNAPSHOT_PREFIX + "*")) {
            kept.forEach(snapshots::add);
        }
        snapshots.remove(keep);
        snapshots.sort(Comparator.comparing(GraphCache::modified).reversed());
        snapshots.stream().skip(KEPT - 1).forEach(GraphCache::deleteQuietly);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // a later write removes what is left
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
