package io.reformkg.query;

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

    Page withMore(boolean rowsFollow) {
        return new Page(offset, limit, rowsFollow);
    }
}
