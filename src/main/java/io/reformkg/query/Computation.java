package io.reformkg.query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.RDFNode;

/**
 * The Java steps a query names with {@code # computed:}, for answers SPARQL cannot give alone. A
 * step either replaces the SPARQL's rows before the page is cut (such a query cannot page, and
 * its SELECT is not checked against the columns), or adds its column, the last declared one, to
 * each row of the cut page.
 */
enum Computation {
    /** The shortest chain of co-guidance between two bodies, from the pairs the SPARQL returns. */
    SHORTEST_CO_GUIDANCE_CHAIN("shortest-co-guidance-chain", List.of("from", "to"), Optional.empty()) {
        @Override
        List<Map<String, Object>> replaceRows(List<Map<String, Object>> rows, Map<String, RDFNode> bound) {
            return new BodyConnection(rows).chain(bound.get("from").asResource().getURI(),
                    bound.get("to").asResource().getURI());
        }
    },
    /** Each row's snippet: the keyword marked in the measure's content or title. */
    KEYWORD_SNIPPETS("keyword-snippets", List.of("keyword"), Optional.of("snippet")) {
        @Override
        List<Map<String, Object>> completePage(List<Map<String, Object>> page, Map<String, RDFNode> bound,
                                               Dataset dataset) {
            return new KeywordSnippets(bound.get("keyword").asLiteral().getString(), dataset.getUnionModel())
                    .addTo(page, addedColumn().orElseThrow());
        }
    };

    private final String label;
    private final List<String> parameters;
    private final Optional<String> addedColumn;

    Computation(String label, List<String> parameters, Optional<String> addedColumn) {
        this.label = label;
        this.parameters = parameters;
        this.addedColumn = addedColumn;
    }

    /** The computation a {@code # computed:} line names. */
    static Computation named(String label) {
        return Arrays.stream(values()).filter(computation -> computation.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown computation \"" + label + "\"; the "
                        + "computations are " + Arrays.stream(values()).map(Computation::label)
                        .collect(Collectors.joining(", "))));
    }

    String label() {
        return label;
    }

    /** The query parameters the step reads; the header must declare them. */
    List<String> parameters() {
        return parameters;
    }

    /** The column the step adds to each row of a page; empty for a step that replaces the rows. */
    Optional<String> addedColumn() {
        return addedColumn;
    }

    boolean replacesRows() {
        return addedColumn.isEmpty();
    }

    /** The answer's rows made from all the SPARQL's rows; unchanged for a step that adds a column. */
    List<Map<String, Object>> replaceRows(List<Map<String, Object>> rows, Map<String, RDFNode> bound) {
        return rows;
    }

    /** The page's rows with the added column, inside the read transaction of the query. */
    List<Map<String, Object>> completePage(List<Map<String, Object>> page, Map<String, RDFNode> bound,
                                           Dataset dataset) {
        return page;
    }
}
