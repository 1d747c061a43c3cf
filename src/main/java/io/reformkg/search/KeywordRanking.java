package io.reformkg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Measures ranked by a keyword, read from the text index: the score of a measure is the Lucene
 * score of the keyword's phrase in its title plus that in its content — one document holds both
 * ({@link SearchIndex.Writer#add}), so Lucene adds them — most relevant first, ties by number,
 * then measure IRI: the rows of {@code keyword-search-text.rq}'s SPARQL. Lucene keeps only the
 * best {@code offset + count} while it scores, and reads the stored text of the page's measures
 * alone, where {@code text:query} hands every hit over with its stored text (at most 10,000 per
 * field) for SPARQL to add up and sort: at a million measures 0.8 s for a common word
 * (docs/benchmarks.md). Over every match, so beyond 10,000 matches in a field it is the complete
 * ranking that the SPARQL's is not.
 */
public final class KeywordRanking implements AutoCloseable {
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchIndex.NUMBER_FIELD, SortField.Type.LONG),
            new SortField(SearchIndex.MEASURE_FIELD, SortField.Type.STRING));
    private static final Set<String> TITLE = Set.of(SearchIndex.TITLE_FIELD);

    /** One measure that matches, with its score; the title as the index holds it. */
    public record RankedMeasure(String measure, long number, String title, float score) {
    }

    private final Directory directory;
    /** Opened on the first search, so that a server starts without reading the index. */
    private DirectoryReader reader;

    private KeywordRanking(Directory directory) {
        this.directory = directory;
    }

    /** The ranking over the text index {@link SearchIndex} wrapped {@code dataset} with. */
    public static KeywordRanking of(Dataset dataset) {
        if (dataset.asDatasetGraph() instanceof DatasetGraphText text
                && text.getTextIndex() instanceof TextIndexLucene lucene) {
            return new KeywordRanking(lucene.getDirectory());
        }
        throw new IllegalArgumentException("the dataset has no Lucene text index; wrap it with SearchIndex");
    }

    /**
     * The measures whose title or content holds {@code keyword} as a phrase, from the
     * {@code offset}-th in rank order: at most {@code count} of them.
     */
    public List<RankedMeasure> page(String keyword, long offset, int count) {
        Optional<Query> inTitle = SearchIndex.phraseQuery(SearchIndex.TITLE_FIELD, keyword);
        Optional<Query> inContent = SearchIndex.phraseQuery(SearchIndex.CONTENT_FIELD, keyword);
        if (inTitle.isEmpty() && inContent.isEmpty()) {
            return List.of();
        }
        // beside a filter, a SHOULD clause is optional unless one must match
        BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        inTitle.ifPresent(phrase -> query.add(phrase, BooleanClause.Occur.SHOULD));
        inContent.ifPresent(phrase -> query.add(phrase, BooleanClause.Occur.SHOULD));
        // measures only: a list's title is indexed too, without a number
        query.add(new FieldExistsQuery(SearchIndex.NUMBER_FIELD), BooleanClause.Occur.FILTER);
        try {
            IndexSearcher searcher = new IndexSearcher(reader());
            long wanted = Math.min(offset + count, searcher.getIndexReader().maxDoc());
            if (wanted <= offset) {
                return List.of();
            }
            TopFieldDocs best = searcher.search(query.build(), (int) wanted, RELEVANCE, true);
            StoredFields stored = searcher.storedFields();
            List<RankedMeasure> page = new ArrayList<>();
            for (int rank = (int) offset; rank < best.scoreDocs.length; rank++) {
                ScoreDoc hit = best.scoreDocs[rank];
                Object[] keys = ((FieldDoc) hit).fields;
                page.add(new RankedMeasure(((BytesRef) keys[2]).utf8ToString(), (Long) keys[1],
                        stored.document(hit.doc, TITLE).get(SearchIndex.TITLE_FIELD), hit.score));
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text index", e);
        }
    }

    private synchronized DirectoryReader reader() throws IOException {
        if (reader == null) {
            reader = DirectoryReader.open(directory);
        }
        return reader;
    }

    @Override
    public synchronized void close() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the text index", e);
        }
    }
}
