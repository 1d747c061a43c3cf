package io.reformkg.linkeddata;

import io.reformkg.http.MountedServlet;
import io.reformkg.store.CurrentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;

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
     * The servlets, answering from whichever store is current at each request. The paths are
     * those of the store current now; a rebuilt graph has its IRIs under the same ones, since
     * the IRI scheme does not change while serving.
     */
    public static List<MountedServlet> servlets(CurrentStore store, LinkedDataConfig config) {
        Supplier<LinkedDataSite> sites = store.derived(served -> new LinkedDataSite(served, config));
        LinkedDataSite site = sites.get();
        List<MountedServlet> servlets = new ArrayList<>();
        for (String segment : resourceSegments(site)) {
            servlets.add(new MountedServlet("/" + segment + "/*", new ResourceServlet(sites)));
            if (site.exists(site.mapper().iri("/" + segment))) {
                // a thing named by the segment alone ({base}dataset) has its documents beside it
                for (DocumentFormat format : DocumentFormat.values()) {
                    servlets.add(new MountedServlet(IriMapper.documentPath("/" + segment, format),
                            new ResourceServlet(sites)));
                }
            }
        }
        servlets.add(new MountedServlet(DatasetDescription.VOID_PATH, new VoidServlet(sites)));
        servlets.add(new MountedServlet(DatasetDescription.DOWNLOAD_PATH + "*", new DownloadServlet(sites)));
        servlets.add(new MountedServlet(DatasetDescription.CONTEXT_PATH, new ContextServlet(sites)));
        return List.copyOf(servlets);
    }

    /** The first path segments of every resource the data and its description name. */
    private static Set<String> resourceSegments(LinkedDataSite site) {
        Set<String> segments = new TreeSet<>();
        segments.add(IriMapper.ONTOLOGY_PATH.replace("/", ""));
        Txn.executeRead(site.data(), () -> site.data().asDatasetGraph().find().forEachRemaining(quad ->
                segment(site, quad.getSubject()).ifPresent(segments::add)));
        Model metadata = site.metadata();
        metadata.listSubjects().forEachRemaining(subject -> segment(site, subject.asNode()).ifPresent(segments::add));
        String datasetSegment = site.config().datasetPath().substring(1);
        for (String segment : segments) {
            if (RESERVED_SEGMENTS.contains(segment) || segment.equals(datasetSegment)) {
                throw new IllegalStateException("the data has IRIs under /" + segment
                        + "/, a path the server uses for something else; choose another IRI base");
            }
        }
        return segments;
    }

    private static Optional<String> segment(LinkedDataSite site, Node subject) {
        if (!subject.isURI()) {
            return Optional.empty();
        }
        return site.mapper().path(subject.getURI()).map(path -> {
            int end = path.indexOf('/', 1);
            return end < 0 ? path.substring(1) : path.substring(1, end);
        }).filter(segment -> !segment.isEmpty());
    }
}
