/**
 * Validation (stage 3): the SHACL shapes of {@code ontology/shapes.ttl} over a dataset's graphs,
 * and the findings as records. Entry point: {@link io.reformkg.validation.Validator}. Uses
 * {@code graph} and {@code vocab}.
 */
package io.reformkg.validation;
