/**
 * The index fast paths of the query library — an optimisation beside the SPARQL that defines
 * each answer: a query whose header says {@code # measure-index:} or {@code # text-index:}
 * ({@link io.reformkg.query.indexed.IndexPlan}) is answered from the measure index
 * ({@link io.reformkg.query.indexed.IndexedPage}, {@link io.reformkg.query.indexed.IndexedAggregate})
 * or the text index by a store, with the same answer. Uses {@code search} and
 * {@code vocab}, not {@code query}, which uses it.
 */
package io.reformkg.query.indexed;
