package io.reformkg.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Answers kept in memory, by a key naming what was asked, within a byte budget (least recently
 * used out first; one answer at most a sixteenth of the budget). The graph is read-only between
 * builds, so a kept answer stays right as long as the store it came from is served: keep one
 * cache per store. The {@code X-Cache} header tells a client whether its answer was kept
 * ({@code hit}) or computed ({@code miss}); a request with {@code Cache-Control: no-cache} is
 * computed afresh.
 * <p>
 * Given a folder (beside a TDB2 store, which outlives the process), answers are also kept on
 * disk within the same budget, and found there after a restart: see {@link AnswerFiles}.
 */
public final class AnswerCache {
    public static final String STATUS_HEADER = "X-Cache";
    private static final String NO_CACHE = "no-cache";

    /** What was sent: its content type, its bytes, and the {@code Link} header if any ("" for none). */
    public record Answer(String contentType, byte[] body, String link) {
    }

    private final Cache<String, Answer> answers;
    private final long maxAnswerBytes;
    private final Optional<AnswerFiles> files;

    /** Answers kept in memory only. */
    public AnswerCache(long maxBytes) {
        this(maxBytes, Optional.empty());
    }

    private AnswerCache(long maxBytes, Optional<AnswerFiles> files) {
        this.maxAnswerBytes = maxBytes / 16;
        this.files = files;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> key.length() * 2 + answer.body().length)
                .build();
    }

    /**
     * Answers kept in memory and in a subfolder of {@code folder}, when there is one; {@code kind}
     * names the subfolder, and {@code dependsOn} is what the answers depend on beside the store
     * and the program (e.g. the text of the queries), so that other answers go elsewhere.
     */
    public static AnswerCache keptIn(Optional<Path> folder, String kind, String dependsOn, long maxBytes) {
        return new AnswerCache(maxBytes, folder.map(dir -> AnswerFiles.in(dir, kind, dependsOn, maxBytes)));
    }

    /** The kept answer, unless the request asks for a fresh one. */
    public Optional<Answer> find(HttpServletRequest request, String key) {
        if (NO_CACHE.equalsIgnoreCase(request.getHeader("Cache-Control"))) {
            return Optional.empty();
        }
        Answer kept = answers.getIfPresent(key);
        if (kept == null && files.isPresent() && maxAnswerBytes > 0) {
            kept = files.get().read(key).orElse(null);
            if (kept != null) {
                answers.put(key, kept);
            }
        }
        return Optional.ofNullable(kept);
    }

    /** Keeps an answer, if it fits. */
    public void keep(String key, Answer answer) {
        if (answer.body().length <= maxAnswerBytes) {
            answers.put(key, answer);
            files.ifPresent(disk -> disk.write(key, answer));
        }
    }

    /** The largest answer kept; 0 when the cache keeps nothing. */
    public long maxAnswerBytes() {
        return maxAnswerBytes;
    }
}
