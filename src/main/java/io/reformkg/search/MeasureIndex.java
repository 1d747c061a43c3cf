package io.reformkg.search;

import io.reformkg.vocab.ELI;
import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The facts of every measure that the analysts' questions select and count by — number, section,
 * category, promotion scope, guiding bodies in their places — as columns, one Lucene document per
 * measure, kept in list order (number, then measure IRI, the order of the paged queries) in one
 * segment. A page of the measures of some scopes or bodies is read from the front of the index,
 * and a count over every measure reads a few numbers per measure instead of joining millions of
 * triples: at a million measures, where the SPARQL over the store takes 10–130 s, this takes
 * well under a second (docs/queries.md, "How queries run").
 *
 * <p>Built batch by batch with the text index ({@link #create()}, {@link Builder#writer()}),
 * after each batch was validated, so every measure has exactly one number, section, category and
 * scope; a TDB2 store keeps it in its folder and {@link Builder#open()} reuses it.
 */
public final class MeasureIndex implements AutoCloseable {
    private static final String MEASURE = "measure";
    private static final String NUMBER = "number";
    private static final String SECTION = "section";
    private static final String GUIDANCE = "guidance";
    private static final Sort LIST_ORDER = new Sort(new SortField(NUMBER, SortField.Type.LONG),
            new SortField(MEASURE, SortField.Type.STRING));

    /** The facts a {@link Filter} selects measures by; {@code name} is how a query header names it. */
    public enum Field {
        /** The measure's promotion scope (an IRI). */
        SCOPE("scope"),
        /** The measure's category (an IRI). */
        CATEGORY("category"),
        /** One of the bodies that guide the measure (IRIs). */
        BODY("body"),
        /** How many distinct bodies guide the measure. */
        GUIDING_BODIES("guidingBodies");

        private final String fieldName;

        Field(String fieldName) {
            this.fieldName = fieldName;
        }

        public String fieldName() {
            return fieldName;
        }

        public static Optional<Field> named(String name) {
            return Arrays.stream(values()).filter(field -> field.fieldName.equals(name)).findFirst();
        }
    }

    /** The measures whose {@code field} holds one of {@code values}. */
    public record Filter(Field field, Set<String> values) {
        public Filter {
            values = Set.copyOf(values);
        }

        private Query query() {
            return new TermInSetQuery(field.fieldName, values.stream().map(BytesRef::new).toList());
        }
    }

    /** A body in its place among a measure's guiding bodies (1 for the lead body). */
    public record Guidance(String body, int position) {
    }

    /** A measure's facts as the index holds them; {@code guidance} in the order of the positions. */
    public record IndexedMeasure(long number, long section, String category, String scope, List<Guidance> guidance) {
        public IndexedMeasure {
            guidance = List.copyOf(guidance);
        }

        /** The distinct bodies that guide it. */
        public Set<String> bodies() {
            Set<String> bodies = new HashSet<>();
            guidance.forEach(place -> bodies.add(place.body()));
            return bodies;
        }
    }

    private final Directory directory;
    private final DirectoryReader reader;

    private MeasureIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        if (reader.leaves().size() > 1) {
            int segments = reader.leaves().size();
            reader.close();
            throw new IllegalStateException("the measure index holds " + segments
                    + " segments where its writer merges them into one; build the store again");
        }
    }

    public static Builder create() {
        return new Builder();
    }

    /**
     * The IRIs of the measures {@code filter} selects, in list order, from the {@code skip}-th:
     * at most {@code count} of them.
     */
    public List<String> measures(Filter filter, long skip, int count) {
        List<String> page = new ArrayList<>();
        try {
            DocIdSetIterator matches = matches(filter.query());
            if (matches == null) {
                return page;
            }
            SortedDocValues iris = DocValues.getSorted(leaf(), MEASURE);
            long seen = 0;
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && page.size() < count;
                 doc = matches.nextDoc()) {
                if (seen++ >= skip) {
                    iris.advanceExact(doc);
                    page.add(iris.lookupOrd(iris.ordValue()).utf8ToString());
                }
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the measure index", e);
        }
    }

    /**
     * Visits the measures {@code filter} selects (every measure when it is empty), in list order,
     * until {@code visitor} returns false.
     */
    public void scan(Optional<Filter> filter, Predicate<IndexedMeasure> visitor) {
        try {
            DocIdSetIterator matches = matches(filter.map(Filter::query).orElseGet(MatchAllDocsQuery::new));
            if (matches == null) {
                return;
            }
            LeafReader leaf = leaf();
            NumericDocValues numbers = DocValues.getNumeric(leaf, NUMBER);
            NumericDocValues sections = DocValues.getNumeric(leaf, SECTION);
            ColumnTerms categories = new ColumnTerms(DocValues.getSorted(leaf, Field.CATEGORY.fieldName));
            ColumnTerms scopes = new ColumnTerms(DocValues.getSorted(leaf, Field.SCOPE.fieldName));
            SortedSetDocValues guidance = DocValues.getSortedSet(leaf, GUIDANCE);
            Guidance[] guidanceByOrd = new Guidance[(int) guidance.getValueCount()];
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                numbers.advanceExact(doc);
                sections.advanceExact(doc);
                guidance.advanceExact(doc);
                Guidance[] places = new Guidance[guidance.docValueCount()];
                for (int i = 0; i < places.length; i++) {
                    int ord = (int) guidance.nextOrd();
                    if (guidanceByOrd[ord] == null) {
                        guidanceByOrd[ord] = guidanceTerm(guidance.lookupOrd(ord).utf8ToString());
                    }
                    places[i] = guidanceByOrd[ord];
                }
                // List.of makes the immutable list the record keeps, without a second copy
                IndexedMeasure measure = new IndexedMeasure(numbers.longValue(), sections.longValue(),
                        categories.of(doc), scopes.of(doc), List.of(places));
                if (!visitor.test(measure)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the measure index", e);
        }
    }

    /** A single-valued column's terms, each read from the index once. */
    private static final class ColumnTerms {
        private final SortedDocValues values;
        private final String[] byOrd;

        ColumnTerms(SortedDocValues values) {
            this.values = values;
            this.byOrd = new String[values.getValueCount()];
        }

        String of(int doc) throws IOException {
            if (!values.advanceExact(doc)) {
                throw new IllegalStateException("the measure index holds a measure without a value (document "
                        + doc + ")");
            }
            int ord = values.ordValue();
            if (byOrd[ord] == null) {
                byOrd[ord] = values.lookupOrd(ord).utf8ToString();
            }
            return byOrd[ord];
        }
    }

    /** The documents a query matches, in index order; null when there are none. */
    private DocIdSetIterator matches(Query query) throws IOException {
        if (reader.leaves().isEmpty()) {
            return null;
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        Scorer scorer = weight.scorer(reader.leaves().get(0));
        return scorer == null ? null : scorer.iterator();
    }

    private LeafReader leaf() {
        return reader.leaves().get(0).reader();
    }

    private static String guidanceTerm(Guidance place) {
        return String.format("%03d %s", place.position(), place.body());
    }

    private static Guidance guidanceTerm(String term) {
        return new Guidance(term.substring(4), Integer.parseInt(term.substring(0, 3)));
    }

    /** Writes the index into {@code folder}, new or empty, for {@link Builder#load}. */
    public void copyTo(Path folder) throws IOException {
        SearchIndex.copyCommit(directory, folder);
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the measure index", e);
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
                throw new UncheckedIOException("cannot create the measure index in " + folder, e);
            }
        }

        /** The index a {@link Writer} committed to the folder. */
        public MeasureIndex open() {
            if (folder == null) {
                throw new IllegalStateException("a measure index in memory is read from its writer (Writer.finish)");
            }
            try {
                Directory directory = FSDirectory.open(folder);
                if (!DirectoryReader.indexExists(directory)) {
                    directory.close();
                    throw new IllegalStateException("no measure index in " + folder);
                }
                return new MeasureIndex(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the measure index in " + folder, e);
            }
        }

        /** A copy in memory of the index {@link MeasureIndex#copyTo} wrote to the folder: the folder may go. */
        public MeasureIndex load() {
            if (folder == null) {
                throw new IllegalStateException("a measure index in memory is read from its writer (Writer.finish)");
            }
            try {
                Directory directory = SearchIndex.inMemory(folder);
                try {
                    return new MeasureIndex(directory);
                } catch (IOException | RuntimeException e) {
                    directory.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the measure index in " + folder, e);
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

        /**
         * Adds the measures of a validated batch: each with its one number, section, category and
         * scope, and its guiding bodies in their places.
         */
        public void add(Graph batch) {
            batch.find(Node.ANY, RKG.promotionScope.asNode(), Node.ANY).forEachRemaining(scoped -> {
                Node measure = scoped.getSubject();
                Document document = new Document();
                document.add(new SortedDocValuesField(MEASURE, new BytesRef(measure.getURI())));
                document.add(new NumericDocValuesField(NUMBER, number(batch, measure, RKG.sequenceNumber.asNode())));
                Node section = one(batch, measure, RKG.section.asNode());
                document.add(new NumericDocValuesField(SECTION, number(batch, section, RKG.sequenceNumber.asNode())));
                term(document, Field.SCOPE, scoped.getObject().getURI());
                term(document, Field.CATEGORY, one(batch, measure, RKG.category.asNode()).getURI());
                Set<String> bodies = new HashSet<>();
                batch.find(measure, ELI.responsibility_of.asNode(), Node.ANY)
                        .forEachRemaining(guided -> bodies.add(guided.getObject().getURI()));
                bodies.forEach(body -> document.add(new StringField(Field.BODY.fieldName, body, StringField.Store.NO)));
                document.add(new StringField(Field.GUIDING_BODIES.fieldName, String.valueOf(bodies.size()),
                        StringField.Store.NO));
                batch.find(measure, RKG.guidance.asNode(), Node.ANY).forEachRemaining(guidance -> {
                    Node place = guidance.getObject();
                    Guidance term = new Guidance(one(batch, place, RKG.body.asNode()).getURI(),
                            (int) number(batch, place, RKG.position.asNode()));
                    document.add(new SortedSetDocValuesField(GUIDANCE, new BytesRef(guidanceTerm(term))));
                });
                try {
                    writer.addDocument(document);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the measure index", e);
                }
            });
        }

        private static void term(Document document, Field field, String value) {
            document.add(new StringField(field.fieldName, value, StringField.Store.NO));
            document.add(new SortedDocValuesField(field.fieldName, new BytesRef(value)));
        }

        /** The one value of a property of a validated batch's node (the text index reads them too). */
        static Node one(Graph batch, Node subject, Node property) {
            ExtendedIterator<Triple> values = batch.find(subject, property, Node.ANY);
            try {
                return values.next().getObject();
            } finally {
                values.close();
            }
        }

        static long number(Graph batch, Node subject, Node property) {
            Object value = one(batch, subject, property).getLiteralValue();
            if (value instanceof Integer || value instanceof Long) {
                return ((Number) value).longValue();
            }
            throw new IllegalStateException("the " + property.getLocalName() + " of " + subject + " is too large: "
                    + value);
        }

        /** Merges what was added into one segment and makes it durable and readable. */
        public void commit() {
            try {
                writer.forceMerge(1);
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the measure index", e);
            }
        }

        /** Commits and closes the writer; the index, open for reading (closed with it). */
        public MeasureIndex finish() {
            try {
                writer.forceMerge(1);
                writer.close();
                handedOver = true;
                return new MeasureIndex(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the measure index", e);
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
                throw new UncheckedIOException("cannot close the measure index", e);
            }
        }
    }
}
