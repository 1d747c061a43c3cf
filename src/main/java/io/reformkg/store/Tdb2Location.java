package io.reformkg.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.error.OsErrors;
import io.reformkg.validation.Finding;
import io.reformkg.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * half-built folder is removed at the next start; a build that fails removes its own. A folder
 * that cannot hold a store fails with a {@link StoreFolderException} saying why. A store's folder
 * holds its findings and its text index too, so they switch with it.
 */
final class Tdb2Location {
    private static final String POINTER = "current";
    /** The data files the current data version was computed from (see {@link DataVersion}). */
    private static final String VERSION_RECORD = "data-version.properties";
    private static final String STORE_KEY = "store";
    private static final String VERSION_KEY = "version";
    private static final String FINDINGS = "findings.json";
    /** Inside the store's folder, so the switch to a new store switches its index with it. */
    private static final String TEXT_INDEX = "text-index";
    private static final String MEASURE_INDEX = "measure-index";
    private static final String ANSWERS = "answers";
    private static final String BUILDING_PREFIX = "building-";
    private static final String STORE_PREFIX = "store-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Below this much free space a failed write to a mapped file is taken for a full disk. */
    private static final long NEARLY_FULL_BYTES = 1024 * 1024;
    /** The operating system's words for a full disk (ENOSPC). */
    private static final String NO_SPACE = "No space left on device";

    /**
     * The stores this process has open. A rebuild while serving must not delete the store still
     * being read; it is removed when it is closed, unless it is current again.
     */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    /** Held by the process that builds in or serves from the folder, with its process id inside. */
    private static final String LOCK = "reform-kg.lock";
    /** The folders this process holds the lock of, until it ends. */
    private static final Map<Path, FileChannel> LOCKED = new ConcurrentHashMap<>();

    private final Path dir;

    Tdb2Location(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Fails unless the folder exists or can be created: neither it nor a folder above it is a file. */
    void requireFolder() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreFolderException("the TDB2 folder " + dir + " is a file; expected a folder");
        }
        for (Path above = dir.getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above)) {
                if (!Files.isDirectory(above)) {
                    throw new StoreFolderException("the TDB2 folder " + dir + " cannot be created: " + above
                            + " is a file, not a folder");
                }
                return;
            }
        }
    }

    /**
     * Takes the folder for this process, for as long as it runs: another process building in it
     * would replace and delete the store this one serves. A folder that cannot be created is
     * refused here, before anything is read for it; one that exists but cannot be written is left
     * to fail where it is written, with its own reason.
     */
    void lock() {
        LOCKED.computeIfAbsent(dir, folder -> {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new StoreFolderException("the TDB2 folder " + dir + " cannot be written: " + OsErrors.reason(e, dir), e);
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                if (channel.tryLock() == null) {
                    String holder = Files.readString(folder.resolve(LOCK), StandardCharsets.UTF_8).trim();
                    channel.close();
                    throw new StoreFolderException("the TDB2 folder " + folder + " is in use by another process"
                            + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                            + "; stop it, or give this one another folder");
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid())
                        .getBytes(StandardCharsets.UTF_8)));
                return channel;
            } catch (IOException e) {
                closeQuietly(channel);
                return null;
            }
        });
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // the lock was not taken; nothing to release
        }
    }

    Path versionRecord() {
        return dir.resolve(VERSION_RECORD);
    }

    /** A store built from inputs of this version, if the folder holds a complete one. */
    Optional<Path> current(String version) {
        Path pointer = dir.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Properties properties;
        try {
            properties = PropertiesFile.read(pointer);
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
            throw new StoreFolderException("the TDB2 folder " + dir + " cannot be written: " + OsErrors.reason(e, dir), e);
        }
    }

    /** Opens a complete store; a folder TDB2 cannot lock (it writes a lock file even to read) is named. */
    Dataset open(Path store) {
        try {
            Dataset dataset = connect(store);
            IN_USE.add(store.toAbsolutePath().normalize());
            return dataset;
        } catch (RuntimeException failure) {
            throw storageFault("the TDB2 folder " + dir + " cannot be opened", failure, usableSpace()).orElseThrow(
                    () -> failure);
        }
    }

    /** After a store opened with {@link #open} is released: removes its folder if another store is current. */
    void retire(Path store) {
        Path closed = store.toAbsolutePath().normalize();
        IN_USE.remove(closed);
        if (!closed.getFileName().toString().equals(currentStoreName())) {
            deleteQuietly(closed);
        }
    }

    private String currentStoreName() {
        try {
            return PropertiesFile.read(dir.resolve(POINTER)).getProperty(STORE_KEY, "");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Removes a build that failed, so nothing half-built stays behind, and returns the failure
     * as a {@link StoreFolderException} when the storage caused it (see {@link #storageFault}).
     */
    Optional<StoreFolderException> abandon(Path building, Throwable failure) {
        long usable = usableSpace();
        deleteQuietly(building);
        return storageFault("the TDB2 store in " + dir + " could not be built", failure, usable);
    }

    /** Makes a finished build current, then removes the stores it replaces. */
    Path commit(Path building, String version) {
        Path store = dir.resolve(STORE_PREFIX + building.getFileName().toString().substring(BUILDING_PREFIX.length()));
        try {
            Files.move(building, store, StandardCopyOption.ATOMIC_MOVE);
            Properties properties = new Properties();
            properties.setProperty(STORE_KEY, store.getFileName().toString());
            properties.setProperty(VERSION_KEY, version);
            PropertiesFile.replace(dir.resolve(POINTER), properties, "the complete TDB2 store in use; written last, atomically");
        } catch (IOException e) {
            // the previous store, if any, is still current; the new one is not kept
            deleteQuietly(building);
            deleteQuietly(store);
            throw new StoreFolderException("the TDB2 folder " + dir + " cannot be written: " + OsErrors.reason(e, dir), e);
        }
        try {
            removeLeftovers(store);
        } catch (IOException e) {
            throw new StoreFolderException("the TDB2 folder " + dir + " cannot be written: " + OsErrors.reason(e, dir), e);
        }
        return store;
    }

    /**
     * The failure as a {@link StoreFolderException} when the storage caused it: an I/O error
     * anywhere in its causes, or a fault writing a memory-mapped file (TDB2 maps its indexes; the
     * JVM reports a write the disk cannot hold as an {@link InternalError}, without a reason, so
     * a disk with less than 1 MiB left is taken to be the cause).
     */
    Optional<StoreFolderException> storageFault(String what, Throwable failure, long usableBytes) {
        IOException io = null;
        for (Throwable cause = failure; cause != null && io == null; cause = cause.getCause()) {
            if (cause instanceof IOException found) {
                io = found;
            }
        }
        boolean mappedWriteFailed = failure instanceof InternalError
                && String.valueOf(failure.getMessage()).contains("unsafe memory access");
        String diskFull = "the disk is full (" + usableBytes + " bytes free)";
        String why;
        if (io != null) {
            String reason = OsErrors.reason(io, dir);
            why = reason.startsWith(NO_SPACE) ? diskFull : reason;
        } else if (mappedWriteFailed) {
            why = usableBytes >= 0 && usableBytes < NEARLY_FULL_BYTES ? diskFull
                    : "writing a memory-mapped store file failed (" + failure.getMessage() + ")";
        } else {
            return Optional.empty();
        }
        return Optional.of(new StoreFolderException(what + ": " + why, failure));
    }

    /** Free bytes where the folder is (or would be), or -1 when that cannot be told. */
    private long usableSpace() {
        for (Path existing = dir; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                try {
                    return Files.getFileStore(existing).getUsableSpace();
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Best effort, so the failure being reported is not masked: what stays is removed by a later build. */
    private static void deleteQuietly(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                deleteTree(folder);
            }
        } catch (IOException e) {
            // removeLeftovers takes it next time
        }
    }

    /** Removes half-built folders and stores other than {@code keep} that no one here reads. */
    private void removeLeftovers(Path keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean leftover = name.startsWith(BUILDING_PREFIX)
                        || name.startsWith(STORE_PREFIX) && keep != null && !entry.equals(keep)
                        && !IN_USE.contains(entry.toAbsolutePath().normalize());
                if (leftover && Files.isDirectory(entry)) {
                    deleteTree(entry);
                }
            }
        }
    }

    static Path textIndex(Path store) {
        return store.resolve(TEXT_INDEX);
    }

    static Path measureIndex(Path store) {
        return store.resolve(MEASURE_INDEX);
    }

    static Path answers(Path store) {
        return store.resolve(ANSWERS);
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
