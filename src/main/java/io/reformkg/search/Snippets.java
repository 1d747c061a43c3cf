package io.reformkg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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
 * are marked, never the text between two of them; a keyword of several words (separated by
 * spaces, full-width ones too) has each word marked. Made for the rows of one page only:
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
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern MARK = Pattern.compile(Pattern.quote(START) + "(.*?)" + Pattern.quote(END));
    private static final Pattern ADJACENT_MARKS = Pattern.compile(Pattern.quote(END) + "(\\p{Z}*?)" + Pattern.quote(START));

    private final Optional<Query> inTitle;
    private final Optional<Query> inContent;

    private Snippets(String keyword) {
        this.inTitle = anyWord(SearchIndex.TITLE_FIELD, keyword);
        this.inContent = anyWord(SearchIndex.CONTENT_FIELD, keyword);
    }

    /** Each word of the keyword as a phrase of its characters in {@code field}; empty when none is. */
    private static Optional<Query> anyWord(String field, String keyword) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Arrays.stream(WORD_SEPARATORS.split(keyword.strip()))
                .flatMap(word -> SearchIndex.phraseQuery(field, word, ChineseBigrams.CHARACTERS).stream())
                .forEach(phrase -> words.add(phrase, BooleanClause.Occur.SHOULD));
        BooleanQuery query = words.build();
        return query.clauses().isEmpty() ? Optional.empty() : Optional.of(query);
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

    /**
     * What shows why a measure matched: the content's fragments, preceded by the title's when the
     * title holds a word the content does not, or the title's alone when the content holds none.
     */
    public String whyMatched(String title, String content) {
        String inContent = content(content);
        String inTitle = title(title);
        if (inContent.isEmpty() || inTitle.isEmpty()) {
            return inContent.isEmpty() ? inTitle : inContent;
        }
        Set<String> markedInContent = marks(inContent);
        // marks of adjacent words are joined: 担保 is in the content's 担保担保
        boolean titleAddsAWord = marks(inTitle).stream()
                .anyMatch(word -> markedInContent.stream().noneMatch(mark -> mark.contains(word)));
        return titleAddsAWord ? inTitle + FRAGMENT_SEPARATOR + inContent : inContent;
    }

    private static Set<String> marks(String fragments) {
        return MARK.matcher(fragments).results().map(match -> match.group(1)).collect(Collectors.toSet());
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
