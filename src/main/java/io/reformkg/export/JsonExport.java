package io.reformkg.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reformkg.export.AnalysisTables.BodyRecord;
import io.reformkg.export.AnalysisTables.CoGuidanceEdge;
import io.reformkg.export.AnalysisTables.MeasureRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Writes measures, bodies and the co-guidance network as one JSON document for web pages. */
final class JsonExport {
    static final String FILE = "reform-kg.json";

    /** The document's shape: plain JSON, keys in camelCase. */
    record Document(String dataset, String version, List<MeasureRecord> measures, List<BodyRecord> bodies,
                    List<CoGuidanceEdge> coGuidance) {
    }

    private JsonExport() {
    }

    static Path write(AnalysisTables tables, String datasetIri, String version, Path dir) {
        Path file = dir.resolve(FILE);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(),
                    new Document(datasetIri, version, tables.measures(), tables.bodies(), tables.coGuidance()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
