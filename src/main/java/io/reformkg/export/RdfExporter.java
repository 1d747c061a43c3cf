package io.reformkg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RDFWriterBuilder;

/** Writes a dataset in every {@link RdfFormat}, one file each, named {@code reform-kg.EXT}. */
public final class RdfExporter {
    public static final String FILE_STEM = "reform-kg";

    private RdfExporter() {
    }

    public static List<Path> writeAll(Dataset dataset, Path dir) {
        List<Path> written = new ArrayList<>();
        for (RdfFormat format : RdfFormat.values()) {
            written.add(write(dataset, dir, format));
        }
        return written;
    }

    public static Path write(Dataset dataset, Path dir, RdfFormat format) {
        Path file = dir.resolve(FILE_STEM + "." + format.extension());
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                write(dataset, out, format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    public static void write(Dataset dataset, OutputStream out, RdfFormat format) {
        dataset.executeRead(() -> {
            RDFWriterBuilder writer = RDFWriter.create().format(format.format());
            if (format.isDataset()) {
                writer.source(dataset.asDatasetGraph());
            } else {
                writer.source(dataset.getUnionModel());
            }
            writer.output(out);
        });
    }
}
