package io.reformkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Keeps Fuseki's dataset endpoint on the current store. After a rebuild the first request
 * through here registers a service over the new store; Fuseki picks the service when it
 * dispatches a request, so requests already running finish on the store they started with.
 */
final class CurrentDatasetFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Supplier<DatasetGraph> datasets;
    private final transient Function<DatasetGraph, DataService> services;
    private final transient OperationRegistry operations;

    CurrentDatasetFilter(String datasetPath, Supplier<DatasetGraph> datasets,
            Function<DatasetGraph, DataService> services, OperationRegistry operations) {
        this.name = DataAccessPoint.canonical(datasetPath);
        this.datasets = datasets;
        this.services = services;
        this.operations = operations;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DatasetGraph current = datasets.get();
        DataAccessPointRegistry registry = DataAccessPointRegistry.get(request.getServletContext());
        if (registry.get(name).getDataService().getDataset() != current) {
            synchronized (this) {
                if (registry.get(name).getDataService().getDataset() != current) {
                    DataService service = services.apply(current);
                    service.setEndpointProcessors(operations);
                    service.goActive();
                    registry.put(name, new DataAccessPoint(name, service));
                }
            }
        }
        chain.doFilter(request, response);
    }
}
