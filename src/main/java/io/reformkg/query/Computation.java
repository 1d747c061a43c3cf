package io.reformkg.query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.RDFNode;

/**
 * The Java steps a query names with {@code # computed:}, for answers SPARQL cannot give alone: a
 * step adds its column, the last declared one, to each row of the cut page.
 */
enum Computation {
    /** Each row's snippet: the keyword marked in the measure's content or title. */
    KEYWORD_SNIPPETS("keyword-snippets", List.of("keyword"), "snippet") {
        @Override
        List<Map<String, Object>> completePage(List<Map<String, Object>> page, Map<String, RDFNode> bound,
                                               Dataset dataset) {
            return new KeywordSnippets(bound.get("keyword").asLiteral().getString(), dataset.getUnionModel())
                    .addTo(page, addedColumn());
        }
    };

    private final String label;
    private final List<String> parameters;
    private final String addedColumn;

    Computation(String label, List<String> parameters, String addedColumn) {
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

    /** The column the step adds to each row of a page. */
    String addedColumn() {
        return addedColumn;
    }

    /** The page's rows with the added column, inside the read transaction of the query. */
    abstract List<Map<String, Object>> completePage(List<Map<String, Object>> page, Map<String, RDFNode> bound,
                                                    Dataset dataset);
}
