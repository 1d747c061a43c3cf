/**
 * A synthetic corpus in the source format, for scale runs ({@code reform-kg generate}). Entry
 * point: {@link io.reformkg.corpus.CorpusGenerator}. Uses {@code reference}.
 */
package io.reformkg.corpus;
