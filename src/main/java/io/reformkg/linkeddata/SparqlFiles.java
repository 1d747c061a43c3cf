package io.reformkg.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;

/** The SPARQL the pages run, read from {@code linkeddata/*.rq} in the jar. */
final class SparqlFiles {
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private SparqlFiles() {
    }

    /** A fresh parameterised copy of {@code linkeddata/NAME.rq}, ready for {@code setIri}. */
    static ParameterizedSparqlString load(String name) {
        return new ParameterizedSparqlString(TEXTS.computeIfAbsent(name, SparqlFiles::read));
    }

    /** Runs a SELECT over the union of a model's statements; the caller holds the read transaction. */
    static List<QuerySolution> select(ParameterizedSparqlString query, Model model) {
        try (QueryExecution execution = QueryExecution.model(model).query(query.asQuery()).build()) {
            return copy(execution.execSelect());
        }
    }

    /** Runs a SELECT over a dataset (GRAPH patterns see its named graphs). */
    static List<QuerySolution> select(ParameterizedSparqlString query, Dataset dataset) {
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(query.asQuery()).build()) {
            return copy(execution.execSelect());
        }
    }

    private static List<QuerySolution> copy(ResultSet results) {
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(rows::add);
        return rows;
    }

    private static String read(String name) {
        String resource = "linkeddata/" + name + ".rq";
        try (InputStream in = SparqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
