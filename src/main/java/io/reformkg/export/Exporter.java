package io.reformkg.export;

import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The entry point of the export stage: writes the graph in the chosen {@link ExportFormat}s to
 * a folder — RDF dumps ({@code reform-kg.EXT}), CSV tables, the co-guidance network as GraphML
 * and GEXF, and a JSON document. Build one with {@link #create()}.
 */
public final class Exporter {
    private final Set<ExportFormat> formats;
    private final Path out;

    private Exporter(Builder builder) {
        this.formats = EnumSet.copyOf(builder.formats);
        this.out = builder.out;
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private Set<ExportFormat> formats = EnumSet.allOf(ExportFormat.class);
        private Path out = Path.of("target", "export");

        private Builder() {
        }

        /** The formats to write; every one by default. */
        public Builder formats(Set<ExportFormat> chosen) {
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("choose at least one export format: " + ExportFormat.names());
            }
            this.formats = EnumSet.copyOf(chosen);
            return this;
        }

        /** The folder to write to; created if missing. Default {@code target/export}. */
        public Builder out(Path dir) {
            this.out = Objects.requireNonNull(dir);
            return this;
        }

        public Exporter build() {
            return new Exporter(this);
        }
    }

    /** Writes every chosen format and returns the files written, in format order. */
    public List<Path> write(GraphStore store) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export folder " + out, e);
        }
        List<Path> written = new ArrayList<>();
        AnalysisTables tables = null;
        for (ExportFormat format : formats) {
            if (format.rdf().isPresent()) {
                written.add(RdfExporter.write(store.dataset(), out, format.rdf().get()));
                continue;
            }
            if (tables == null) {
                tables = AnalysisTables.read(store.dataset());
            }
            switch (format) {
                case CSV -> written.addAll(CsvTables.write(tables, out));
                case GRAPHML -> written.add(NetworkWriter.graphml(tables, out));
                case GEXF -> written.add(NetworkWriter.gexf(tables, out));
                case JSON -> written.add(JsonExport.write(tables, store.iris().dataset(), store.version(), out));
                default -> throw new IllegalStateException("no writer for " + format);
            }
        }
        return written;
    }
}
