/**
 * The explorer: the analyst's web page at {@code /} and its files, with browser libraries from
 * WebJars. It reads data only through the query API and the SPARQL endpoint. Entry point:
 * {@link io.reformkg.explorer.Explorer}. Uses {@code store} and {@code http}.
 */
package io.reformkg.explorer;
