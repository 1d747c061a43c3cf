package io.reformkg.search;

import io.reformkg.vocab.ELI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The entry point of the search stage: a Chinese full-text index (jena-text over Lucene, with
 * Lucene's {@link SmartChineseAnalyzer} segmenting words) of every measure's title
 * ({@code eli:title}) and content ({@code eli:description}). It is a stage of its own, after
 * inference, because it indexes text rather than deriving triples, and because the store may
 * keep it in memory or on disk independently of the graph.
 *
 * <p>{@link Builder#build(Dataset)} indexes what the dataset holds and returns the same data
 * wrapped as a text dataset, so SPARQL over it (and the SPARQL endpoint serving it) answers
 * {@code text:query} with a score and a highlighted snippet; see {@code queries/keyword-search-text.rq}
 * and docs/inference.md. The index is built afresh every time, with the store, so it always
 * matches the sources. In memory by default; with {@link Builder#directory(Path)} on disk.
 */
public final class SearchIndex {
    /** Lucene field of the measure IRI. */
    static final String ENTITY_FIELD = "uri";
    static final String TITLE_FIELD = "title";
    static final String CONTENT_FIELD = "content";
    static final String LANGUAGE_FIELD = "lang";
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
            EntityDefinition fields = new EntityDefinition(ENTITY_FIELD, TITLE_FIELD, ELI.title.asNode());
            fields.set(CONTENT_FIELD, ELI.description.asNode());
            // keeps the @zh tag on the snippets text:query returns
            fields.setLangField(LANGUAGE_FIELD);
            TextIndexConfig config = new TextIndexConfig(fields);
            config.setAnalyzer(new SmartChineseAnalyzer());
            config.setQueryAnalyzer(new SmartChineseAnalyzer());
            // highlighting reads the stored text of each hit
            config.setValueStored(true);
            TextIndex index = TextDatasetFactory.createLuceneIndex(openDirectory(), config);
            Txn.executeRead(dataset, () -> indexExisting(dataset, index, fields));
            return TextDatasetFactory.create(dataset, index, true);
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

    /** The triples already in the dataset are indexed here; later changes go through the text dataset. */
    private static void indexExisting(Dataset dataset, TextIndex index, EntityDefinition fields) {
        for (String field : List.of(TITLE_FIELD, CONTENT_FIELD)) {
            for (Node predicate : fields.getPredicates(field)) {
                dataset.asDatasetGraph().find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining((Quad quad) -> {
                    Entity entity = TextQueryFuncs.entityFromQuad(fields, quad);
                    if (entity != null) {
                        index.addEntity(entity);
                    }
                });
            }
        }
        index.prepareCommit();
        index.commit();
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
