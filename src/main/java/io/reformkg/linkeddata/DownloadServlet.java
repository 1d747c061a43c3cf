package io.reformkg.linkeddata;

import io.reformkg.export.RdfExporter;
import io.reformkg.export.RdfFormat;
import io.reformkg.http.HttpProblem;
import io.reformkg.http.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Serves the full dataset at {@code /download/reform-kg.EXT} in every {@link RdfFormat} (the
 * same files {@code reform-kg build} writes), gzip-compressed when the client accepts gzip.
 */
final class DownloadServlet extends LinkedDataServlet {
    DownloadServlet(Supplier<LinkedDataSite> sites) {
        super(sites);
    }

    @Override
    void handle(LinkedDataSite site, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = LinkedDataSite.path(request);
        String name = path.substring(DatasetDescription.DOWNLOAD_PATH.length() - 1).replaceFirst("^/", "");
        String prefix = RdfExporter.FILE_STEM + ".";
        RdfFormat format = name.startsWith(prefix)
                ? RdfFormat.byExtension(name.substring(prefix.length())).orElse(null) : null;
        if (format == null) {
            throw HttpProblem.notFound("no download " + path + "; the dataset is available as "
                    + Arrays.stream(RdfFormat.values())
                    .map(f -> DatasetDescription.DOWNLOAD_PATH + prefix + f.extension())
                    .collect(Collectors.joining(", ")));
        }
        LinkedDataSite.Dump dump = site.dump(format);
        response.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        Responses.send(request, response, dump.plain(), dump::gzipped, format.contentType() + "; charset=utf-8",
                "\"" + site.version() + "-" + format.extension() + "\"");
    }
}
