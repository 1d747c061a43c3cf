package io.reformkg.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Answers kept in memory, by a key naming what was asked, within a byte budget (least recently
 * used out first; one answer at most a sixteenth of the budget). The graph is read-only between
 * builds, so a kept answer stays right as long as the store it came from is served: keep one
 * cache per store. The {@code X-Cache} header tells a client whether its answer was kept
 * ({@code hit}) or computed ({@code miss}); a request with {@code Cache-Control: no-cache} is
 * computed afresh.
 */
public final class AnswerCache {
    public static final String STATUS_HEADER = "X-Cache";
    private static final String NO_CACHE = "no-cache";

    /** What was sent: its content type, its bytes, and the {@code Link} header if any ("" for none). */
    public record Answer(String contentType, byte[] body, String link) {
    }

    private final Cache<String, Answer> answers;
    private final long maxAnswerBytes;

    public AnswerCache(long maxBytes) {
        this.maxAnswerBytes = maxBytes / 16;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> key.length() * 2 + answer.body().length)
                .build();
    }

    /** The kept answer, unless the request asks for a fresh one. */
    public Optional<Answer> find(HttpServletRequest request, String key) {
        boolean fresh = NO_CACHE.equalsIgnoreCase(request.getHeader("Cache-Control"));
        return fresh ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(key));
    }

    /** Keeps an answer, if it fits. */
    public void keep(String key, Answer answer) {
        if (answer.body().length <= maxAnswerBytes) {
            answers.put(key, answer);
        }
    }

    /** The largest answer kept; 0 when the cache keeps nothing. */
    public long maxAnswerBytes() {
        return maxAnswerBytes;
    }
}
