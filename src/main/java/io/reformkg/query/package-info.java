/**
 * The query library (stage 6): the named questions of {@code queries/*.rq} with their headers
 * ({@link io.reformkg.query.QueryCatalog}, the entry point), and the runner that binds their
 * parameters and runs them over a store ({@link io.reformkg.query.QueryRunner}). The SPARQL
 * defines every answer; {@code query.indexed} answers some of them faster from the store's
 * indexes. Uses {@code store}, {@code search}, {@code vocab}, {@code error}.
 */
package io.reformkg.query;
