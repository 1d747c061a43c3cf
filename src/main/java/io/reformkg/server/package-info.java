/**
 * Serving (stage 8): the embedded Fuseki that serves the current store read-only — SPARQL and
 * Graph Store read at {@code /kg}, the linked data, and what else is mounted (query API,
 * explorer) — with its limits (timeout, rows, body size) and answer cache. Entry point:
 * {@link io.reformkg.server.ReformServer}. Uses {@code store}, {@code query}, {@code linkeddata},
 * {@code http}, {@code vocab}, {@code error}.
 */
package io.reformkg.server;
