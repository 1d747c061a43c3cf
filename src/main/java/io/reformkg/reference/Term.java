package io.reformkg.reference;

/** A coded term with Chinese and English labels: a category, a kind of body, the nation. */
public record Term(String id, String zh, String en) {
}
