package io.reformkg.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers kept on disk beside the store they were computed from, so that a restarted server
 * answers a question asked before at once instead of computing it again (at a million measures
 * some take a minute). The store's folder is replaced when the data changes, and the answers go
 * with it. An answer also depends on the program (its queries, how it writes results): answers
 * are kept in a subfolder named by the program's build, the kind of answers and what they depend
 * on, and a subfolder of an earlier build is removed when it is first used.
 * <p>
 * Within its byte budget: beyond it the least recently used files go first. Disk trouble never
 * fails a request: a file that cannot be read is a miss, and a folder that cannot be written is
 * left alone (one warning) while the answers stay kept in memory.
 */
public final class AnswerFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerFiles.class);
    private static final int FORMAT = 0x524b4701;
    private static final String SUFFIX = ".answer";
    /** The running program: its jar (libraries included) or classes folder, by size and time. */
    private static final String BUILD = Responses.sha256(programStamp());

    private final Path folder;
    private final long maxBytes;
    private final AtomicLong usedBytes = new AtomicLong(-1);
    private final AtomicBoolean writable = new AtomicBoolean(true);

    private AnswerFiles(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /**
     * The answers of one {@code kind} (a file-name word, e.g. {@code sparql}) under {@code parent},
     * for this build and {@code dependsOn} (e.g. the text of the queries answered).
     */
    public static AnswerFiles in(Path parent, String kind, String dependsOn, long maxBytes) {
        String name = kind + "-" + Responses.sha256(BUILD + "\n" + dependsOn).substring(0, 16);
        return new AnswerFiles(parent.resolve(name), maxBytes);
    }

    public Optional<AnswerCache.Answer> read(String key) {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT || !key.equals(readText(in))) {
                return Optional.empty();
            }
            AnswerCache.Answer answer = new AnswerCache.Answer(readText(in), readBytes(in), readText(in));
            markUsed(file);
            return Optional.of(answer);
        } catch (IOException unreadable) {
            LOG.debug("answer file {} not read: {}", file, unreadable.toString());
            return Optional.empty();
        }
    }

    /** The file's time orders eviction: least recently used first. */
    private static void markUsed(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException readOnly) {
            // the answer is still good; it is only evicted sooner
        }
    }

    /** Writes the answer unless it is there already (the store does not change, so neither does it). */
    public void write(String key, AnswerCache.Answer answer) {
        Path file = fileOf(key);
        if (!writable.get() || Files.exists(file)) {
            return;
        }
        Path partial = folder.resolve(file.getFileName() + "." + Thread.currentThread().getId() + ".partial");
        try {
            if (usedBytes.get() < 0) {
                openFolder();
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                out.writeInt(FORMAT);
                writeBytes(out, key.getBytes(StandardCharsets.UTF_8));
                writeBytes(out, answer.contentType().getBytes(StandardCharsets.UTF_8));
                writeBytes(out, answer.body());
                writeBytes(out, answer.link().getBytes(StandardCharsets.UTF_8));
            }
            long size = Files.size(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (usedBytes.addAndGet(size) > maxBytes) {
                evict();
            }
        } catch (IOException | RuntimeException trouble) {
            if (writable.getAndSet(false)) {
                LOG.warn("answers are not kept on disk in {} from now on ({}); they stay kept in memory",
                        folder, trouble.toString());
            }
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the folder is already reported as unusable
            }
        }
    }

    /** Creates the folder, removes those of other builds, and counts what it holds. */
    private synchronized void openFolder() throws IOException {
        if (usedBytes.get() >= 0) {
            return;
        }
        Files.createDirectories(folder);
        String kind = folder.getFileName().toString().replaceFirst("-[^-]*$", "-");
        try (Stream<Path> siblings = Files.list(folder.getParent())) {
            for (Path earlier : siblings.filter(sibling -> !sibling.equals(folder)
                    && sibling.getFileName().toString().startsWith(kind)).toList()) {
                deleteFolder(earlier);
            }
        }
        usedBytes.set(answerFiles().stream().mapToLong(AnswerFiles::sizeOf).sum());
    }

    /** Removes the least recently used files until a quarter of the budget is free. */
    private synchronized void evict() throws IOException {
        if (usedBytes.get() <= maxBytes) {
            return;
        }
        List<Path> oldestFirst = answerFiles().stream()
                .sorted(Comparator.comparing(AnswerFiles::modified)).toList();
        for (Path file : oldestFirst) {
            if (usedBytes.get() <= maxBytes * 3 / 4) {
                break;
            }
            long size = sizeOf(file);
            if (Files.deleteIfExists(file)) {
                usedBytes.addAndGet(-size);
            }
        }
    }

    private List<Path> answerFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).toList();
        }
    }

    private Path fileOf(String key) {
        return folder.resolve(Responses.sha256(key) + SUFFIX);
    }

    private static void deleteFolder(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("cut short: " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static String programStamp() {
        try {
            Path code = Path.of(AnswerFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException unknown) {
            // no stamp to tell builds apart: answers are then kept for this process only
            return "process " + ProcessHandle.current().pid() + " " + System.nanoTime();
        }
    }
}
