/**
 * The query library over HTTP: {@code /api/queries} lists the catalog and
 * {@code /api/queries/NAME} answers one question as JSON or CSV, paged, cached per store. Entry
 * point: {@link io.reformkg.query.api.QueryApi}. Uses {@code query}, {@code store}, {@code http}.
 */
package io.reformkg.query.api;
