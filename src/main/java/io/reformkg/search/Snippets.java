package io.reformkg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.TextFragment;

/**
 * Highlighted snippets of a measure's title or content for a keyword, with the Lucene highlighter,
 * fragment size and marks of jena-text's {@code text:query} with {@code "highlight:s:<em> | e:</em>"}:
 * the best three fragments of about 128 characters, adjacent marks joined. The keyword is marked
 * as a phrase of its characters ({@link ChineseBigrams#CHARACTERS}), so that only its occurrences
 * are marked, never the text between two of them. Made for the rows of one page only:
 * highlighting analyses each text again, which for every match of a common word took most of
 * the search's time.
 */
public final class Snippets {
    public static final String START = "<em>";
    public static final String END = "</em>";
    private static final int FRAGMENT_CHARS = 128;
    private static final int MAX_FRAGMENTS = 3;
    /** jena-text's default separator between fragments. */
    private static final String FRAGMENT_SEPARATOR = "\u2223";
    /** Two marks with only spaces between them become one: 担保担保 is shown as one match. */
    private static final Pattern ADJACENT_MARKS = Pattern.compile(Pattern.quote(END) + "(\\p{Z}*?)" + Pattern.quote(START));

    private final Optional<Query> inTitle;
    private final Optional<Query> inContent;

    private Snippets(String keyword) {
        this.inTitle = SearchIndex.phraseQuery(SearchIndex.TITLE_FIELD, keyword, ChineseBigrams.CHARACTERS);
        this.inContent = SearchIndex.phraseQuery(SearchIndex.CONTENT_FIELD, keyword, ChineseBigrams.CHARACTERS);
    }

    /** Snippets for this keyword. */
    public static Snippets of(String keyword) {
        return new Snippets(keyword);
    }

    /** The title's fragments with the keyword marked; empty when the title does not hold it. */
    public String title(String title) {
        return highlight(inTitle, SearchIndex.TITLE_FIELD, title);
    }

    /** The content's best fragments with the keyword marked; empty when the content does not hold it. */
    public String content(String content) {
        return highlight(inContent, SearchIndex.CONTENT_FIELD, content);
    }

    private static String highlight(Optional<Query> query, String field, String text) {
        if (query.isEmpty()) {
            return "";
        }
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(START, END), new QueryScorer(query.get()));
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
        List<String> fragments = new ArrayList<>();
        // the highlighter ends and closes the token stream
        TokenStream tokens = ChineseBigrams.CHARACTERS.tokenStream(field, text);
        try {
            for (TextFragment fragment : highlighter.getBestTextFragments(tokens, text, true, MAX_FRAGMENTS)) {
                fragments.add(ADJACENT_MARKS.matcher(fragment.toString()).replaceAll("$1"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the text of a measure", e);
        } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException("the analyzer gave offsets outside the text it analysed", e);
        }
        return String.join(FRAGMENT_SEPARATOR, fragments);
    }
}
