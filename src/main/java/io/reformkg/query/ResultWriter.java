package io.reformkg.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes answers and the catalog as text: the CLI and the HTTP API share it. */
public final class ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {
    }

    public static String write(QueryResult result, ResultFormat format) {
        return switch (format) {
            case TABLE -> table(result);
            case CSV -> delimited(result, CSVFormat.RFC4180);
            case TSV -> delimited(result, CSVFormat.TDF.builder().setRecordSeparator("\n").get());
            case JSON -> json(answer(result));
        };
    }

    /**
     * {@code {"name", "columns", "rows", "count"}}, as the HTTP API returns it; a paged query adds
     * {@code "offset", "limit", "hasMore"} ({@code count} is then the rows on this page).
     */
    static Map<String, Object> answer(QueryResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", result.name());
        answer.put("columns", result.columns());
        answer.put("rows", result.rows());
        answer.put("count", result.count());
        result.page().ifPresent(page -> {
            answer.put("offset", page.offset());
            answer.put("limit", page.limit());
            answer.put("hasMore", page.more());
        });
        return answer;
    }

    /** {@code {"queries": [...]}}: each query's name, title, question, parameters, columns and SPARQL. */
    public static String catalog(QueryCatalog catalog) {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (NamedQuery query : catalog.queries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", query.name());
            entry.put("title", query.title());
            entry.put("question", query.question());
            List<Map<String, Object>> parameters = new ArrayList<>();
            for (QueryParameter parameter : query.accepted()) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("name", parameter.name());
                described.put("description", parameter.description());
                described.put("default", parameter.defaultValue());
                described.put("required", parameter.required());
                described.put("kind", parameter.kind().label());
                if (!parameter.choices().isEmpty()) {
                    described.put("choices", parameter.choices());
                }
                parameters.add(described);
            }
            entry.put("parameters", parameters);
            entry.put("columns", query.columns());
            entry.put("paging", query.paging().orElse(null));
            entry.put("sparql", query.sparql());
            queries.add(entry);
        }
        return json(Map.of("queries", queries));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static String delimited(QueryResult result, CSVFormat format) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(result.columns());
            for (Map<String, Object> row : result.rows()) {
                printer.printRecord(result.columns().stream().map(column -> text(row.get(column))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Columns padded to their widest cell, counting Chinese characters as two terminal columns. */
    private static String table(QueryResult result) {
        List<String> columns = result.columns();
        int[] widths = new int[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        result.rows().forEach(row -> cells.add(columns.stream().map(column -> text(row.get(column))).toList()));
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], width(line.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            List<String> line = cells.get(n);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(line.get(i)).append(" ".repeat(i == line.size() - 1 ? 0 : widths[i] - width(line.get(i)) + 2));
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (n == 0) {
                int total = 0;
                for (int width : widths) {
                    total += width + 2;
                }
                out.append("-".repeat(Math.max(0, total - 2))).append('\n');
            }
        }
        out.append("(").append(result.count()).append(result.count() == 1 ? " row" : " rows");
        result.page().filter(Page::more).ifPresent(page -> out.append("; more from --param offset=")
                .append(page.nextOffset()));
        out.append(")\n");
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().replace('\n', ' ');
    }

    static int width(String text) {
        return text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
