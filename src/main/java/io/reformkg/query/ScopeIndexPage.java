package io.reformkg.query;

import io.reformkg.search.ScopeIndex;
import io.reformkg.vocab.ELI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;

/**
 * A page of a query whose header says {@code # scope-index: QUERY}, read from a store's
 * {@link ScopeIndex} instead of running the SPARQL: QUERY gives the scopes (for
 * {@code measures-in-place}, those covering the place), the index gives that page of their
 * measures in list order, and the graph each one's title. Same rows as the SPARQL, which joins
 * and sorts every match before cutting the page; tests compare the two.
 */
final class ScopeIndexPage {
    static final String MEASURE = "measure";
    static final String NUMBER = "number";
    static final String TITLE = "title";
    static final String SCOPE = "scope";
    /** The columns of a scope-indexed query, in order. */
    static final List<String> COLUMNS = List.of(MEASURE, NUMBER, TITLE, SCOPE);

    private final ScopeIndex index;
    private final Model data;

    ScopeIndexPage(ScopeIndex index, Model data) {
        this.index = index;
        this.data = data;
    }

    /** The rows from row {@code offset}, at most {@code count}, of the measures promoted in {@code scopes}. */
    List<Map<String, Object>> rows(List<String> scopes, long offset, int count) {
        return index.measures(scopes, offset, count).stream().map(this::row).toList();
    }

    private Map<String, Object> row(ScopeIndex.ScopedMeasure measure) {
        Statement title = data.getResource(measure.measure()).getProperty(ELI.title);
        if (title == null) {
            throw new IllegalStateException("the scope index names " + measure.measure()
                    + ", which the store does not hold with a title: the index and the store disagree");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(MEASURE, measure.measure());
        row.put(NUMBER, measure.number());
        row.put(TITLE, title.getString());
        row.put(SCOPE, measure.scope());
        return row;
    }
}
