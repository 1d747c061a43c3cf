package io.reformkg.search;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How the text index cuts Chinese text into terms: every character and every pair of adjacent
 * characters (Lucene's CJK bigrams, as its {@code CJKAnalyzer}, with the single characters kept
 * too). A keyword becomes the phrase of its pairs, or its one character, so the index finds
 * exactly the texts that contain the keyword, as {@code queries/keyword-search.rq}'s
 * {@code CONTAINS} does. A word segmenter (Lucene's SmartChinese) found a keyword only where it
 * cut the text the way it cut the keyword, and took most of the time of a large build.
 */
final class ChineseBigrams {
    /** Indexes texts: characters and pairs. */
    static final Analyzer TEXT = analyzer(terms -> pairs(terms, true));
    /** Reads keywords: pairs, or the character of a one-character keyword. */
    static final Analyzer KEYWORD = analyzer(terms -> pairs(terms, false));
    /**
     * Marks keywords in a text, one term per character. A highlighter marks from the first to the
     * last match among overlapping terms, and pairs overlap all along a run of Chinese text, so
     * with pairs two matches in one clause would be marked with everything between them.
     */
    static final Analyzer CHARACTERS = analyzer(terms -> terms);

    private ChineseBigrams() {
    }

    /**
     * Words of Latin letters and digits and single Chinese characters (Lucene's standard
     * tokenizer), full-width forms as their ASCII ones, lower case; then {@code more}.
     */
    private static Analyzer analyzer(UnaryOperator<TokenStream> more) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(words, more.apply(new LowerCaseFilter(new CJKWidthFilter(words))));
            }
        };
    }

    private static TokenStream pairs(TokenStream characters, boolean keepCharacters) {
        return new CJKBigramFilter(characters, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, keepCharacters);
    }
}
