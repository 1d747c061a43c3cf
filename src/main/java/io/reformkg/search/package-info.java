/**
 * The indexes (stage 4): the Chinese full-text index of measures' titles and contents
 * ({@link io.reformkg.search.SearchIndex}, jena-text over Lucene) and the measure index, every
 * measure's facts in list order ({@link io.reformkg.search.MeasureIndex}), that the named
 * questions are answered from at scale. Uses {@code vocab}.
 */
package io.reformkg.search;
