package io.reformkg.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a named query: its columns and one map per row from column to value. Values
 * are {@link String} (IRIs and text), {@link Long} or {@link java.math.BigDecimal} (numbers),
 * {@link Boolean}, or null where the row leaves a column unbound. {@code page} is present when the
 * query pages: the rows are then that page of the answer.
 */
public record QueryResult(String name, List<String> columns, List<Map<String, Object>> rows, Optional<Page> page) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The rows in this answer (on a page: the page's rows, not the whole answer's). */
    public int count() {
        return rows.size();
    }

    /** The values of one column, top to bottom. */
    public List<Object> column(String column) {
        return rows.stream().map(row -> row.get(column)).toList();
    }
}
