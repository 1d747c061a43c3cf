/**
 * Source parsing (stage 1): the published list format into records ({@code ParsedList},
 * {@code ParsedMeasure}, …), one list at a time as the manifest names them. Entry points:
 * {@link io.reformkg.source.SourceSet} and {@link io.reformkg.source.ListParser}. Uses
 * {@code reference} (to know bodies, scopes and places) and {@code error}; no Jena.
 */
package io.reformkg.source;
