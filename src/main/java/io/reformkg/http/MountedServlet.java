package io.reformkg.http;

import jakarta.servlet.http.HttpServlet;

/** A servlet and the path spec to mount it at, e.g. {@code builder.addServlet(m.pathSpec(), m.servlet())}. */
public record MountedServlet(String pathSpec, HttpServlet servlet) {
}
