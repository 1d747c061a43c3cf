package io.reformkg.linkeddata;

import io.reformkg.graph.IriScheme;
import io.reformkg.http.MountedServlet;
import io.reformkg.store.CurrentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The entry point of the linked-data stage: the servlets that make every IRI of the graph
 * dereferenceable on the server, plus the dataset's VoID description, dumps and JSON-LD
 * context. Mount each pair with {@code FusekiServer.Builder.addServlet(pathSpec, servlet)}.
 * <p>
 * Paths are derived from the data: each first path segment of the data's IRIs ({@code /list/*},
 * {@code /body/*}, {@code /region/*}, …) and the ontology's {@code /def/*} is mounted, so the
 * dataset's own endpoint ({@code /kg}) and any other servlet of the server keep their paths.
 * The graph is only read. See docs/linked-data.md.
 */
public final class LinkedData {
    /** Paths the site itself uses; the data may not have IRIs there. */
    private static final Set<String> RESERVED_SEGMENTS = Set.of(
            DatasetDescription.DOWNLOAD_PATH.replace("/", ""),
            DatasetDescription.CONTEXT_PATH.substring(1),
            DatasetDescription.VOID_PATH.substring(1, DatasetDescription.VOID_PATH.lastIndexOf('/')));

    private LinkedData() {
    }

    /**
     * The linked-data servlets, and the task that prepares the site they share (dataset
     * statistics, labels) ahead of the first linked-data request; the site is otherwise
     * prepared by that request.
     */
    public record Mount(List<MountedServlet> servlets, Runnable prepareSite) {
        public Mount {
            servlets = List.copyOf(servlets);
        }
    }

    /**
     * The servlets, answering from whichever store is current at each request. Their paths come
     * from the IRI scheme, which does not change while serving, so no store is read to mount them.
     */
    public static Mount servlets(CurrentStore store, LinkedDataConfig config) {
        Supplier<LinkedDataSite> sites = store.derived(served -> new LinkedDataSite(served, config));
        IriMapper mapper = new IriMapper(store.iris());
        List<MountedServlet> servlets = new ArrayList<>();
        for (String segment : resourceSegments(store.iris(), mapper, config)) {
            servlets.add(new MountedServlet("/" + segment + "/*", new ResourceServlet(sites)));
        }
        for (String path : singleSegmentThings(store.iris(), mapper)) {
            // a thing named by one segment alone ({base}dataset) has its documents beside it
            for (DocumentFormat format : DocumentFormat.values()) {
                servlets.add(new MountedServlet(IriMapper.documentPath(path, format), new ResourceServlet(sites)));
            }
        }
        servlets.add(new MountedServlet(DatasetDescription.VOID_PATH, new VoidServlet(sites)));
        servlets.add(new MountedServlet(DatasetDescription.DOWNLOAD_PATH + "*", new DownloadServlet(sites)));
        servlets.add(new MountedServlet(DatasetDescription.CONTEXT_PATH, new ContextServlet(sites)));
        return new Mount(servlets, sites::get);
    }

    /** The first path segments of every kind of IRI the scheme mints, and of the ontology's terms. */
    private static Set<String> resourceSegments(IriScheme iris, IriMapper mapper, LinkedDataConfig config) {
        Set<String> segments = new TreeSet<>();
        segments.add(IriMapper.ONTOLOGY_PATH.replace("/", ""));
        for (String iri : iris.oneOfEachKind()) {
            segment(mapper, iri).ifPresent(segments::add);
        }
        String datasetSegment = config.datasetPath().substring(1);
        for (String segment : segments) {
            if (RESERVED_SEGMENTS.contains(segment) || segment.equals(datasetSegment)) {
                throw new IllegalStateException("the data has IRIs under /" + segment
                        + "/, a path the server uses for something else; choose another IRI base");
            }
        }
        return segments;
    }

    private static List<String> singleSegmentThings(IriScheme iris, IriMapper mapper) {
        return iris.oneOfEachKind().stream().map(mapper::path).flatMap(Optional::stream)
                .filter(path -> path.length() > 1 && path.indexOf('/', 1) < 0).toList();
    }

    private static Optional<String> segment(IriMapper mapper, String iri) {
        return mapper.path(iri).map(path -> {
            int end = path.indexOf('/', 1);
            return end < 0 ? path.substring(1) : path.substring(1, end);
        }).filter(segment -> !segment.isEmpty());
    }
}
