package io.reformkg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reformkg.http.Admission;
import io.reformkg.store.CurrentStore;
import io.reformkg.store.FailedRebuild;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * {@code GET /$/status}: the data version being served and, when the data folder is followed,
 * the last rebuild that failed since then and why — so an operator sees that the served graph
 * is older than the folder; and the server's load: heap in use, threads, queries running and
 * waiting.
 */
final class StatusServlet extends HttpServlet {
    static final String PATH = "/$/status";
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient CurrentStore store;
    private final transient Admission admission;

    StatusServlet(CurrentStore store, Admission admission) {
        this.store = store;
        this.admission = admission;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode status = JSON.createObjectNode();
        status.put("dataVersion", store.get().version());
        Optional<FailedRebuild> failed = store.failedRebuild();
        if (failed.isPresent()) {
            ObjectNode rebuild = status.putObject("failedRebuild");
            rebuild.put("at", failed.get().at().toString());
            rebuild.put("dataVersion", failed.get().version());
            rebuild.put("reason", failed.get().reason());
        } else {
            status.putNull("failedRebuild");
        }
        Runtime runtime = Runtime.getRuntime();
        ObjectNode heap = status.putObject("heap");
        heap.put("usedBytes", runtime.totalMemory() - runtime.freeMemory());
        heap.put("maxBytes", runtime.maxMemory());
        status.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        ObjectNode queries = status.putObject("queries");
        admission.load().forEach(queries::put);
        byte[] body = JSON.writeValueAsBytes(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
