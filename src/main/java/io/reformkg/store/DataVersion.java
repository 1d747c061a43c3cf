package io.reformkg.store;

import io.reformkg.graph.Ontology;
import io.reformkg.inference.Inference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digest of everything the graph is built from — every file under the data folder, the
 * ontology, shapes and rules in the jar, and the IRI base — so a store knows when to rebuild
 * and a response's ETag changes exactly when the data does.
 */
public final class DataVersion {
    private static final List<String> BUILD_RESOURCES = List.of(Ontology.ONTOLOGY_RESOURCE,
            Ontology.SHAPES_RESOURCE, Inference.RULES_RESOURCE, Inference.TOTALS_RESOURCE);

    /**
     * What a store folder holds besides the graph; a program that keeps other indexes beside it
     * builds another store.
     */
    private static final String STORE_LAYOUT = "TDB2, text index (Chinese characters and pairs, a document per measure), measure index (facts and guidance)";

    /** How long before the record a file must have last changed for its size and time to be trusted. */
    static final long SETTLED_MILLIS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(DataVersion.class);
    private static final String FILE_PREFIX = "file.";
    private static final String BASE_KEY = "base";
    private static final String RESOURCES_KEY = "build-resources";
    private static final String LISTED_KEY = "listed-at";
    private static final String VERSION_KEY = "version";

    private DataVersion() {
    }

    public static String of(Path dataDir, String base) {
        MessageDigest digest = sha256();
        digest.update(base.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(dataDir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data folder " + dataDir, e);
        }
        digest.update(buildResources());
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /**
     * The same version, without reading the files when none has changed since it was last
     * recorded in {@code record}: same names, sizes and modification times, as rsync and make
     * judge (at a million measures the data is some 360 MB, a second to read). A file modified
     * less than {@link #SETTLED_MILLIS} before the record was written is read again, since a
     * second change within the clock's granularity would keep its time. Otherwise the version is
     * computed and recorded; a record that cannot be written only costs the next start the reading.
     */
    static String of(Path dataDir, String base, Path record) {
        long listedAt = System.currentTimeMillis();
        Map<String, String> files = listing(dataDir);
        String resources = HexFormat.of().formatHex(sha256().digest(buildResources()));
        try {
            Properties recorded = PropertiesFile.read(record);
            if (base.equals(recorded.getProperty(BASE_KEY)) && resources.equals(recorded.getProperty(RESOURCES_KEY))
                    && files.equals(filesIn(recorded)) && settled(files, Long.parseLong(recorded.getProperty(LISTED_KEY)))) {
                return recorded.getProperty(VERSION_KEY);
            }
        } catch (IOException | RuntimeException missingOrUnreadable) {
            // no record, or one this code did not write: compute the version afresh
        }
        String version = of(dataDir, base);
        Properties written = new Properties();
        files.forEach((name, stamp) -> written.setProperty(FILE_PREFIX + name, stamp));
        written.setProperty(BASE_KEY, base);
        written.setProperty(RESOURCES_KEY, resources);
        written.setProperty(LISTED_KEY, Long.toString(listedAt));
        written.setProperty(VERSION_KEY, version);
        try {
            PropertiesFile.replace(record, written, "the data files the version was computed from: name = size modified-millis");
        } catch (IOException e) {
            LOG.warn("cannot record the data version in {} ({}); the next start reads the data files again", record,
                    e.getMessage());
        }
        return version;
    }

    /** Each regular file under the folder, by its path inside it: {@code size modified-millis}. */
    private static Map<String, String> listing(Path dataDir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                files.put(dataDir.relativize(file).toString(),
                        attributes.size() + " " + attributes.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data folder " + dataDir, e);
        }
        return files;
    }

    private static Map<String, String> filesIn(Properties recorded) {
        Map<String, String> files = new TreeMap<>();
        recorded.stringPropertyNames().stream().filter(key -> key.startsWith(FILE_PREFIX))
                .forEach(key -> files.put(key.substring(FILE_PREFIX.length()), recorded.getProperty(key)));
        return files;
    }

    private static boolean settled(Map<String, String> files, long listedAt) {
        return files.values().stream()
                .allMatch(stamp -> Long.parseLong(stamp.substring(stamp.indexOf(' ') + 1)) + SETTLED_MILLIS <= listedAt);
    }

    /**
     * The ontology, shapes and rules in the jar, and the store's layout: a new program with other
     * rules builds another graph.
     */
    private static byte[] buildResources() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(STORE_LAYOUT.getBytes(StandardCharsets.UTF_8));
        for (String resource : BUILD_RESOURCES) {
            try (InputStream in = DataVersion.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    in.transferTo(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
