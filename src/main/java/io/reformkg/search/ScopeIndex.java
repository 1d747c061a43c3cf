package io.reformkg.search;

import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Every measure's promotion scope, kept in list order — by number, then measure IRI, the order
 * of {@code queries/measures-in-place.rq}. Lucene keeps the documents sorted that way, so a page
 * of the measures of some scopes is read from the front of the index and the search stops once
 * the page is full: at a million measures a page of "which measures apply in 合肥" (900,000 of
 * them) costs what a page costs, where the SPARQL joins and sorts every match first.
 *
 * <p>Built batch by batch with the text index ({@link #create()}, {@link Builder#writer()}),
 * after each batch was validated, so every measure has exactly one number and one scope; a TDB2
 * store keeps it in its folder and {@link Builder#open()} reuses it.
 */
public final class ScopeIndex implements AutoCloseable {
    private static final String MEASURE_FIELD = "measure";
    private static final String NUMBER_FIELD = "number";
    private static final String SCOPE_FIELD = "scope";
    private static final Sort LIST_ORDER = new Sort(new SortField(NUMBER_FIELD, SortField.Type.LONG),
            new SortField(MEASURE_FIELD, SortField.Type.STRING));

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private ScopeIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    public static Builder create() {
        return new Builder();
    }

    /** A measure as the index holds it. */
    public record ScopedMeasure(String measure, long number, String scope) {
    }

    /**
     * The measures promoted in any of {@code scopes}, in list order, from the {@code skip}-th:
     * at most {@code count} of them.
     */
    public List<ScopedMeasure> measures(Collection<String> scopes, long skip, int count) {
        if (scopes.isEmpty() || skip >= reader.maxDoc()) {
            return List.of();
        }
        int wanted = (int) Math.min(reader.maxDoc(), skip + count);
        List<BytesRef> terms = scopes.stream().map(BytesRef::new).toList();
        try {
            ScoreDoc[] hits = searcher.search(new TermInSetQuery(SCOPE_FIELD, terms), wanted, LIST_ORDER).scoreDocs;
            List<ScopedMeasure> page = new ArrayList<>();
            for (int i = (int) skip; i < hits.length; i++) {
                Object[] order = ((FieldDoc) hits[i]).fields;
                page.add(new ScopedMeasure(((BytesRef) order[1]).utf8ToString(), (Long) order[0], scope(hits[i].doc)));
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scope index", e);
        }
    }

    private String scope(int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues scopes = DocValues.getSorted(leaf.reader(), SCOPE_FIELD);
        if (!scopes.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("the scope index holds a measure without a scope (document " + doc + ")");
        }
        return scopes.lookupOrd(scopes.ordValue()).utf8ToString();
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the scope index", e);
        }
    }

    public static final class Builder {
        private Path folder;

        private Builder() {
        }

        /** Keeps the index on disk in {@code dir}, replacing an index there; {@code null} keeps it in memory. */
        public Builder directory(Path dir) {
            this.folder = dir;
            return this;
        }

        /** A new, empty index that each batch's measures are added to. */
        public Writer writer() {
            try {
                Directory directory = folder == null ? new ByteBuffersDirectory() : FSDirectory.open(folder);
                IndexWriterConfig config = new IndexWriterConfig().setIndexSort(LIST_ORDER)
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
                return new Writer(directory, new IndexWriter(directory, config));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the scope index in " + folder, e);
            }
        }

        /** The index a {@link Writer} committed to the folder. */
        public ScopeIndex open() {
            if (folder == null) {
                throw new IllegalStateException("a scope index in memory is read from its writer (Writer.finish)");
            }
            try {
                Directory directory = FSDirectory.open(folder);
                if (!DirectoryReader.indexExists(directory)) {
                    directory.close();
                    throw new IllegalStateException("no scope index in " + folder);
                }
                return new ScopeIndex(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the scope index in " + folder, e);
            }
        }
    }

    /** An index being filled batch by batch; see {@link Builder#writer()}. */
    public static final class Writer implements AutoCloseable {
        private final Directory directory;
        private final IndexWriter writer;
        private boolean handedOver;

        private Writer(Directory directory, IndexWriter writer) {
            this.directory = directory;
            this.writer = writer;
        }

        /** Adds the measures of a validated batch: each with its one number and one scope. */
        public void add(Graph batch) {
            batch.find(Node.ANY, RKG.promotionScope.asNode(), Node.ANY).forEachRemaining(scoped -> {
                Node measure = scoped.getSubject();
                Document document = new Document();
                document.add(new SortedDocValuesField(MEASURE_FIELD, new BytesRef(measure.getURI())));
                document.add(new NumericDocValuesField(NUMBER_FIELD, number(batch, measure)));
                document.add(new StringField(SCOPE_FIELD, scoped.getObject().getURI(), Field.Store.NO));
                document.add(new SortedDocValuesField(SCOPE_FIELD, new BytesRef(scoped.getObject().getURI())));
                try {
                    writer.addDocument(document);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the scope index", e);
                }
            });
        }

        private static long number(Graph batch, Node measure) {
            ExtendedIterator<Triple> numbers = batch.find(measure, RKG.sequenceNumber.asNode(), Node.ANY);
            try {
                Object value = numbers.next().getObject().getLiteralValue();
                if (value instanceof Integer || value instanceof Long) {
                    return ((Number) value).longValue();
                }
                throw new IllegalStateException("the number of " + measure.getURI() + " is too large: " + value);
            } finally {
                numbers.close();
            }
        }

        /** Makes what was added durable and readable. */
        public void commit() {
            try {
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the scope index", e);
            }
        }

        /** Commits and closes the writer; the index, open for reading (closed with it). */
        public ScopeIndex finish() {
            try {
                writer.close();
                handedOver = true;
                return new ScopeIndex(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the scope index", e);
            }
        }

        /** Drops the writer without keeping what was added since the last commit. */
        @Override
        public void close() {
            try {
                if (writer.isOpen()) {
                    writer.rollback();
                }
                if (!handedOver) {
                    directory.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the scope index", e);
            }
        }
    }
}
