package io.reformkg.server;

import io.reformkg.http.Admission;
import io.reformkg.http.HttpProblem;
import io.reformkg.http.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Requests to the dataset endpoint that are not answered from kept answers (this filter comes
 * after {@link ResponseCacheFilter}) wait for their client's turn: see {@link Admission}.
 */
final class AdmissionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient Admission admission;
    private final Duration timeout;

    AdmissionFilter(Admission admission, Duration timeout) {
        this.admission = admission;
        this.timeout = timeout;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getMethod().equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            admission.run(request, timeout, left -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } catch (HttpProblem refused) {
            Responses.problem(response, refused);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof ServletException failed) {
                throw failed;
            }
            throw e;
        }
    }
}
