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
 * content with the keyword marked, and its title where the title holds a word the content does
 * not ({@link Snippets#whyMatched(String, String)}). The
 * SPARQL ranks every match without snippets; only the page's rows are highlighted.
 */
final class KeywordSnippets {
    private final Snippets snippets;
    private final Model data;

    KeywordSnippets(String keyword, Model data) {
        this.snippets = Snippets.of(keyword);
        this.data = data;
    }

    /** Rows with columns measure and title (and others, kept), each with its snippet in {@code column}. */
    List<Map<String, Object>> addTo(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> withSnippet(row, column)).toList();
    }

    private Map<String, Object> withSnippet(Map<String, Object> row, String column) {
        Statement content = data.getResource((String) row.get("measure")).getProperty(ELI.description);
        String snippet = snippets.whyMatched((String) row.get("title"), content == null ? "" : content.getString());
        Map<String, Object> withSnippet = new LinkedHashMap<>(row);
        withSnippet.put(column, snippet);
        return withSnippet;
    }
}
