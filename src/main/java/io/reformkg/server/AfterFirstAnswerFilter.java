package io.reformkg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a task in the background once the server has answered its first request: work that
 * only speeds up later requests then never competes with start-up and the first answer for the
 * machine's cores.
 */
final class AfterFirstAnswerFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AfterFirstAnswerFilter.class);

    private final String taskName;
    private final Runnable task;
    private final AtomicBoolean started = new AtomicBoolean();

    AfterFirstAnswerFilter(String taskName, Runnable task) {
        this.taskName = taskName;
        this.task = task;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            // a plain read first: after the first answer no request contends for the flag
            if (!started.get() && started.compareAndSet(false, true)) {
                Thread thread = new Thread(this::runTask, "reform-kg-" + taskName);
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void runTask() {
        try {
            task.run();
        } catch (RuntimeException e) {
            // the request that needs the task's result runs it again and answers with the error
            LOG.warn("preparing {} in the background failed: {}", taskName, e.getMessage());
        }
    }
}
