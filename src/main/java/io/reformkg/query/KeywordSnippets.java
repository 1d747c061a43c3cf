package io.reformkg.query;

import io.reformkg.search.Snippets;
import io.reformkg.vocab.ELI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;

/**
 * The snippet column of {@code keyword-search-text}: for each row of the page, the measure's
 * content with the keyword marked, or its title when only the title holds the keyword. The
 * SPARQL ranks every match without snippets; only the page's rows are highlighted.
 */
final class KeywordSnippets {
    /** The value of the {@code # computed:} header line of queries/keyword-search-text.rq. */
    static final String COMPUTATION = "keyword-snippets";
    /** The column the computation adds to each row; the SPARQL selects the others. */
    static final String COLUMN = "snippet";
    static final String KEYWORD_PARAMETER = "keyword";

    private final Snippets snippets;
    private final Model data;

    KeywordSnippets(String keyword, Model data) {
        this.snippets = Snippets.of(keyword);
        this.data = data;
    }

    /** Rows with columns measure and title (and others, kept), each with its snippet added. */
    List<Map<String, Object>> addTo(List<Map<String, Object>> rows) {
        return rows.stream().map(this::withSnippet).toList();
    }

    private Map<String, Object> withSnippet(Map<String, Object> row) {
        Statement content = data.getResource((String) row.get("measure")).getProperty(ELI.description);
        String snippet = content == null ? "" : snippets.content(content.getString());
        if (snippet.isEmpty()) {
            snippet = snippets.title((String) row.get("title"));
        }
        Map<String, Object> withSnippet = new LinkedHashMap<>(row);
        withSnippet.put(COLUMN, snippet);
        return withSnippet;
    }
}
