package io.reformkg.export;

import io.reformkg.export.AnalysisTables.BodyRecord;
import io.reformkg.export.AnalysisTables.CoGuidanceEdge;
import io.reformkg.export.AnalysisTables.Guidance;
import io.reformkg.export.AnalysisTables.MeasureRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the analysis tables as UTF-8 CSV (RFC 4180, with a header row): one row per measure,
 * one per measure–body link with its position, one per guiding body, one per co-guiding pair.
 */
final class CsvTables {
    static final String MEASURES = "measures.csv";
    static final String MEASURE_BODIES = "measure-bodies.csv";
    static final String BODIES = "bodies.csv";
    static final String CO_GUIDANCE = "co-guidance.csv";

    private CsvTables() {
    }

    static List<Path> write(AnalysisTables tables, Path dir) {
        Map<String, BodyRecord> bodies = tables.bodies().stream()
                .collect(Collectors.toMap(BodyRecord::id, Function.identity()));
        return List.of(
                write(dir.resolve(MEASURES), List.of("batch", "number", "iri", "title", "category_id", "category",
                        "section", "scope_id", "scope", "body_count", "lead_body_id", "body_ids", "bodies",
                        "source_line"), printer -> {
                    for (MeasureRecord measure : tables.measures()) {
                        List<String> ids = measure.bodies().stream().map(Guidance::body).toList();
                        printer.printRecord(measure.batch(), measure.number(), measure.iri(), measure.title(),
                                measure.category().id(), measure.category().zh(), measure.section(),
                                measure.scope().id(), measure.scope().zh(), ids.size(),
                                ids.isEmpty() ? "" : ids.get(0), String.join(";", ids),
                                ids.stream().map(id -> listName(bodies, id)).collect(Collectors.joining("、")),
                                measure.sourceLine());
                    }
                }),
                write(dir.resolve(MEASURE_BODIES), List.of("batch", "number", "measure_iri", "body_id", "body",
                        "body_iri", "position", "lead"), printer -> {
                    for (MeasureRecord measure : tables.measures()) {
                        for (Guidance link : measure.bodies()) {
                            BodyRecord body = bodies.get(link.body());
                            printer.printRecord(measure.batch(), measure.number(), measure.iri(), link.body(),
                                    listName(bodies, link.body()), body == null ? "" : body.iri(), link.position(),
                                    link.position() == 1);
                        }
                    }
                }),
                write(dir.resolve(BODIES), List.of("id", "iri", "name_zh", "name_en", "list_name", "measures",
                        "lead_measures"), printer -> {
                    for (BodyRecord body : tables.bodies()) {
                        printer.printRecord(body.id(), body.iri(), body.nameZh(), body.nameEn(), body.listName(),
                                body.measureCount(), body.leadCount());
                    }
                }),
                write(dir.resolve(CO_GUIDANCE), List.of("body_a", "body_b", "weight", "measure_iris"), printer -> {
                    for (CoGuidanceEdge edge : tables.coGuidance()) {
                        printer.printRecord(edge.bodyA(), edge.bodyB(), edge.weight(), String.join(" ", edge.measures()));
                    }
                }));
    }

    private static String listName(Map<String, BodyRecord> bodies, String id) {
        BodyRecord body = bodies.get(id);
        return body == null ? id : body.listName();
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static Path write(Path file, List<String> header, Rows rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, format)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
