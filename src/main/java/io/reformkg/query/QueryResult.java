package io.reformkg.query;

import java.util.List;
import java.util.Map;

/**
 * The answer to a named query: its columns and one map per row from column to value. Values
 * are {@link String} (IRIs and text), {@link Long} or {@link java.math.BigDecimal} (numbers),
 * {@link Boolean}, or null where the row leaves a column unbound.
 */
public record QueryResult(String name, List<String> columns, List<Map<String, Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int count() {
        return rows.size();
    }

    /** The values of one column, top to bottom. */
    public List<Object> column(String column) {
        return rows.stream().map(row -> row.get(column)).toList();
    }
}
