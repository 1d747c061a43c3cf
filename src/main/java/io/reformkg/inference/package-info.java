/**
 * Inference (stage 3): materialises what the ontology implies into the inferred named graph,
 * from the SPARQL Update rules in {@code ontology/*.ru}. Entry point:
 * {@link io.reformkg.inference.Inference}. Uses {@code graph}.
 */
package io.reformkg.inference;
