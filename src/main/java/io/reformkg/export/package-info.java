/**
 * Exports (stage 6): the graph as RDF dumps, CSV tables, the co-guidance network (GraphML, GEXF)
 * and JSON. Entry point: {@link io.reformkg.export.Exporter}. Uses {@code store}.
 */
package io.reformkg.export;
