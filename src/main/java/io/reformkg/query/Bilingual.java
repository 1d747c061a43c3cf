package io.reformkg.query;

/** A text in Chinese and English, as the query headers give titles and questions. */
public record Bilingual(String zh, String en) {
    public String in(Language language) {
        return language == Language.EN ? en : zh;
    }
}
