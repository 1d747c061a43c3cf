package io.reformkg.store;

import io.reformkg.graph.Ontology;
import io.reformkg.inference.Inference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything the graph is built from — every file under the data folder, the
 * ontology, shapes and rules in the jar, and the IRI base — so a store knows when to rebuild
 * and a response's ETag changes exactly when the data does.
 */
public final class DataVersion {
    private static final List<String> BUILD_RESOURCES = List.of(Ontology.ONTOLOGY_RESOURCE,
            Ontology.SHAPES_RESOURCE, Inference.RULES_RESOURCE, Inference.TOTALS_RESOURCE);

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
        for (String resource : BUILD_RESOURCES) {
            try (InputStream in = DataVersion.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    digest.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
