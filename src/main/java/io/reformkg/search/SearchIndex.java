package io.reformkg.search;

import io.reformkg.vocab.ELI;
import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * The entry point of the search stage: a Chinese full-text index (jena-text over Lucene, cut into
 * characters and pairs of characters, {@link ChineseBigrams}) of every measure's title
 * ({@code eli:title}) and content ({@code eli:description}). It is a stage of its own, after
 * inference, because it indexes text rather than deriving triples, and because the store may
 * keep it in memory or on disk independently of the graph.
 *
 * <p>{@link Builder#build(Dataset)} indexes what the dataset holds and returns the same data
 * wrapped as a text dataset, so SPARQL over it (and the SPARQL endpoint serving it) answers
 * {@code text:query} with a score and a highlighted snippet; see {@code queries/keyword-search-text.rq}
 * and docs/inference.md. A build fills the index batch by batch with a {@link Writer}, with the
 * store, so it always matches the sources; a TDB2 store keeps it in its folder and
 * {@link Builder#open(Dataset)} reuses it. In memory by default; with {@link Builder#directory(Path)} on disk.
 *
 * <p>A measure's title and content are one document, which also holds the measure's number and
 * IRI as columns, so that {@link KeywordRanking} ranks the measures matching a keyword in one
 * Lucene search; {@code text:query} on either field finds the document as it would find one per
 * field, with the same score.
 *
 * <p>Built beside it the same way, {@link MeasureIndex} is no text index: it keeps every measure's
 * facts (scope, category, guiding bodies) in list order, so that pages and counts of measures are
 * read, not joined and sorted.
 */
public final class SearchIndex {
    /** Lucene field of the measure IRI. */
    static final String ENTITY_FIELD = "uri";
    static final String TITLE_FIELD = "title";
    static final String CONTENT_FIELD = "content";
    static final String LANGUAGE_FIELD = "lang";
    /** A measure's IRI and number beside its text, as columns: {@link KeywordRanking} orders by them. */
    static final String MEASURE_FIELD = "measure";
    static final String NUMBER_FIELD = "number";
    private static final String LUCENE_SEGMENTS_PREFIX = "segments";

    private SearchIndex() {
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private Path directory;

        private Builder() {
        }

        /**
         * Keeps the index on disk in {@code dir} (e.g. beside a TDB2 store); {@code null} keeps it
         * in memory. The folder must be empty, missing, or hold an earlier index, which is replaced.
         */
        public Builder directory(Path dir) {
            this.directory = dir;
            return this;
        }

        /** Indexes the dataset's titles and contents; returns the dataset wrapped with the index. */
        public Dataset build(Dataset dataset) {
            Writer writer = writer();
            Txn.executeRead(dataset, () -> writer.add(dataset.asDatasetGraph().getUnionGraph()));
            return writer.wrap(dataset);
        }

        /**
         * A new, empty index that batches of triples are added to as a build streams them, so the
         * index never needs the whole corpus at once. Clears an earlier index in the folder.
         */
        public Writer writer() {
            EntityDefinition fields = fields();
            return new Writer(new MeasureTextIndex(openDirectory(), config(fields)), fields);
        }

        /**
         * The dataset wrapped with the index a {@link Writer} left in the folder, as it is: a store
         * reused from disk reuses its index instead of indexing again.
         */
        public Dataset open(Dataset dataset) {
            if (directory == null || !hasIndex(directory)) {
                throw new IllegalArgumentException("no text index to open in " + directory);
            }
            try {
                TextIndex index = TextDatasetFactory.createLuceneIndex(FSDirectory.open(directory), config(fields()));
                return TextDatasetFactory.create(dataset, index, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the text index folder " + directory, e);
            }
        }

        /**
         * The dataset wrapped with a copy in memory of the index a {@link Writer} left (or
         * {@link Writer#copyTo copied}) in the folder: the folder may go once this returns.
         */
        public Dataset load(Dataset dataset) {
            if (directory == null || !hasIndex(directory)) {
                throw new IllegalArgumentException("no text index to load in " + directory);
            }
            try {
                TextIndex index = TextDatasetFactory.createLuceneIndex(inMemory(directory), config(fields()));
                return TextDatasetFactory.create(dataset, index, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the text index folder " + directory, e);
            }
        }

        private Directory openDirectory() {
            if (directory == null) {
                return new ByteBuffersDirectory();
            }
            try {
                clearEarlierIndex(directory);
                return FSDirectory.open(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the text index folder " + directory, e);
            }
        }
    }

    /**
     * The keyword as {@code keyword-search-text.rq} hands it to {@code text:query} (quoted, its
     * quotes and backslashes dropped), parsed for {@code field} as jena-text parses it: a phrase of
     * its pairs of characters ({@link ChineseBigrams}). Empty when it holds no word.
     */
    static Optional<Query> phraseQuery(String field, String keyword) {
        return phraseQuery(field, keyword, ChineseBigrams.KEYWORD);
    }

    /** The keyword quoted as for {@code text:query}, parsed for {@code field} into terms by {@code analyzer}. */
    static Optional<Query> phraseQuery(String field, String keyword, Analyzer analyzer) {
        String phrase = "\"" + keyword.replaceAll("[\"\\\\]", " ") + "\"";
        try {
            return Optional.ofNullable(new QueryParser(field, analyzer).parse(phrase));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static EntityDefinition fields() {
        EntityDefinition fields = new EntityDefinition(ENTITY_FIELD, TITLE_FIELD, ELI.title.asNode());
        fields.set(CONTENT_FIELD, ELI.description.asNode());
        // keeps the @zh tag on the snippets text:query returns
        fields.setLangField(LANGUAGE_FIELD);
        return fields;
    }

    private static TextIndexConfig config(EntityDefinition fields) {
        TextIndexConfig config = new TextIndexConfig(fields);
        config.setAnalyzer(ChineseBigrams.TEXT);
        config.setQueryAnalyzer(ChineseBigrams.KEYWORD);
        // highlighting reads the stored text of each hit
        config.setValueStored(true);
        return config;
    }

    /** An index being filled batch by batch; see {@link Builder#writer()}. */
    public static final class Writer implements AutoCloseable {
        private final MeasureTextIndex index;
        private final EntityDefinition fields;

        private Writer(MeasureTextIndex index, EntityDefinition fields) {
            this.index = index;
            this.fields = fields;
        }

        /**
         * Indexes the titles and contents among a validated batch's triples: a measure's title and
         * content as one document with its number (it has one of each), other titles (of lists)
         * each as a document of its own.
         */
        public void add(Graph graph) {
            Set<Node> measures = graph.find(Node.ANY, RDF.type.asNode(), RKG.Measure.asNode())
                    .mapWith(Triple::getSubject).toSet();
            for (String field : List.of(TITLE_FIELD, CONTENT_FIELD)) {
                for (Node predicate : fields.getPredicates(field)) {
                    graph.find(Node.ANY, predicate, Node.ANY).filterDrop(triple -> measures.contains(triple.getSubject()))
                            .forEachRemaining(triple -> {
                                Entity entity = entity(triple.getSubject(), triple.getPredicate(),
                                        triple.getObject());
                                if (entity != null) {
                                    index.addEntity(entity);
                                }
                            });
                }
            }
            for (Node measure : measures) {
                Node title = MeasureIndex.Writer.one(graph, measure, ELI.title.asNode());
                Entity text = entity(measure, ELI.title.asNode(), title);
                text.put(CONTENT_FIELD, MeasureIndex.Writer.one(graph, measure, ELI.description.asNode())
                        .getLiteralLexicalForm());
                index.addMeasure(text, MeasureIndex.Writer.number(graph, measure, RKG.sequenceNumber.asNode()));
            }
        }

        private Entity entity(Node subject, Node predicate, Node object) {
            return TextQueryFuncs.entityFromQuad(fields, Quad.defaultGraphIRI, subject, predicate, object);
        }

        /** Makes what was added durable; {@link Builder#open(Dataset)} finds it from then on. */
        public void commit() {
            index.prepareCommit();
            index.commit();
        }

        /** Writes the index as last committed into {@code folder}, new or empty, for {@link Builder#load}. */
        public void copyTo(Path folder) throws IOException {
            copyCommit(index.getDirectory(), folder);
        }

        /** Commits, and returns the dataset wrapped with this index (closed with the dataset). */
        public Dataset wrap(Dataset dataset) {
            commit();
            return TextDatasetFactory.create(dataset, index, true);
        }

        @Override
        public void close() {
            index.close();
        }
    }

    /** Writes the files of an index's last commit into {@code folder}, new or empty, and syncs them. */
    static void copyCommit(Directory index, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Directory target = FSDirectory.open(folder)) {
            Collection<String> files = SegmentInfos.readLatestCommit(index).files(true);
            for (String file : files) {
                target.copyFrom(index, file, file, IOContext.DEFAULT);
            }
            target.sync(files);
            target.syncMetaData();
        }
    }

    /** A copy in memory of the index in {@code folder}. */
    static Directory inMemory(Path folder) throws IOException {
        Directory memory = new ByteBuffersDirectory();
        try (Directory disk = FSDirectory.open(folder)) {
            for (String file : SegmentInfos.readLatestCommit(disk).files(true)) {
                memory.copyFrom(disk, file, file, IOContext.READONCE);
            }
        } catch (IOException | RuntimeException e) {
            memory.close();
            throw e;
        }
        return memory;
    }

    private static boolean hasIndex(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.anyMatch(file -> file.getFileName().toString().startsWith(LUCENE_SEGMENTS_PREFIX));
        } catch (IOException e) {
            return false;
        }
    }

    private static void clearEarlierIndex(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        boolean earlierIndex = files.stream().anyMatch(file -> file.getFileName().toString().startsWith(LUCENE_SEGMENTS_PREFIX));
        if (!files.isEmpty() && !earlierIndex) {
            throw new IllegalArgumentException("the text index folder " + dir.toAbsolutePath()
                    + " holds files that are not a Lucene index; give an empty or new folder");
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                Files.delete(file);
            }
        }
    }
}
