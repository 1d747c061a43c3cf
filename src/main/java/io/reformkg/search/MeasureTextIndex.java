package io.reformkg.search;

import java.io.IOException;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * jena-text's Lucene index, whose measure documents also hold the measure's IRI and number as
 * columns ({@link SearchIndex#MEASURE_FIELD}, {@link SearchIndex#NUMBER_FIELD}), so that
 * {@link KeywordRanking} orders matches by score, number and IRI without reading stored text.
 * {@code text:query} reads the documents as jena-text wrote them.
 */
final class MeasureTextIndex extends TextIndexLucene {
    MeasureTextIndex(Directory directory, TextIndexConfig config) {
        super(directory, config);
    }

    /** Adds a measure's document: its title and content fields (one {@link Entity}) and its number. */
    void addMeasure(Entity text, long number) {
        Document document = doc(text);
        document.add(new SortedDocValuesField(SearchIndex.MEASURE_FIELD, new BytesRef(text.getId())));
        document.add(new NumericDocValuesField(SearchIndex.NUMBER_FIELD, number));
        try {
            getIndexWriter().addDocument(document);
        } catch (IOException e) {
            throw new TextIndexException("cannot add the text of " + text.getId(), e);
        }
    }
}
