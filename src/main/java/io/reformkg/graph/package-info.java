/**
 * Graph building (stage 2): reference data and parsed lists into RDF — one named graph per
 * list, one for the reference data, one for the ontology — under the IRI scheme
 * ({@link io.reformkg.graph.IriScheme}). Entry point: {@link io.reformkg.graph.GraphBuilder}.
 * Jena {@code Model}s and datasets start here. Uses {@code source}, {@code reference}, {@code vocab}.
 */
package io.reformkg.graph;
