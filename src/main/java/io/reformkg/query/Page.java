package io.reformkg.query;

import java.util.List;

/**
 * The rows of a paged answer: {@code limit} rows from row {@code offset} (0-based) of the whole
 * ordered answer; {@code more} when rows follow the page (the runner fetches one row beyond it to
 * know, instead of counting the whole answer).
 */
public record Page(long offset, int limit, boolean more) {
    /** The offset of the following page. */
    public long nextOffset() {
        return offset + limit;
    }

    /**
     * This page as served from {@code fetched}, the rows fetched for it: the runner fetches one row
     * beyond the page, whose presence says that more follow.
     */
    Page servedFrom(List<?> fetched) {
        return new Page(offset, limit, fetched.size() > limit);
    }

    /** The page's rows among {@code fetched}: without the row beyond the page. */
    <T> List<T> cut(List<T> fetched) {
        return fetched.size() > limit ? fetched.subList(0, limit) : fetched;
    }
}
