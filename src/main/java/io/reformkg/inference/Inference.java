package io.reformkg.inference;

import io.reformkg.graph.IriScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateRequest;

/**
 * The entry point of the inference stage: materialises what the ontology implies into the named
 * graph {@link IriScheme#inferredGraph()}, so plain SPARQL finds it without a reasoner and
 * asserted and inferred triples stay distinguishable. The logic lives in the declarative rule file
 * {@value #RULES_RESOURCE} (SPARQL Update, beside the ontology); this class only runs it.
 * See docs/inference.md for what is inferred.
 */
public final class Inference {
    /** The rules, copied into the jar from {@code ontology/inference.ru}. */
    public static final String RULES_RESOURCE = "ontology/inference.ru";

    private Inference() {
    }

    /**
     * Replaces the dataset's inferred graph with what the rules derive from its other graphs, in
     * one write transaction. Returns the number of inferred triples.
     */
    public static long materialise(Dataset dataset, IriScheme iris) {
        UpdateRequest rules = rules(read(), iris);
        return Txn.calculateWrite(dataset, () -> {
            UpdateExecution.dataset(dataset).update(rules).execute();
            return dataset.getNamedModel(iris.inferredGraph()).size();
        });
    }

    /** The rules with the IRI base and the inferred graph bound; a syntax error names the rule file's line. */
    static UpdateRequest rules(String rules, IriScheme iris) {
        ParameterizedSparqlString text = new ParameterizedSparqlString(rules);
        text.setBaseUri(iris.base());
        text.setIri("inferred", iris.inferredGraph());
        try {
            return text.asUpdate();
        } catch (QueryParseException e) {
            // the bound text starts with one extra line: BASE <...>
            throw new IllegalStateException(RULES_RESOURCE + ":" + (e.getLine() - 1) + ": " + e.getMessage(), e);
        }
    }

    private static String read() {
        try (InputStream in = Inference.class.getClassLoader().getResourceAsStream(RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RULES_RESOURCE + "; rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES_RESOURCE, e);
        }
    }
}
