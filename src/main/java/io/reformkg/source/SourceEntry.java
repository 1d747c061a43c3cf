package io.reformkg.source;

/** One manifest entry: a published list, its batch number, title and file under {@code sources/}. */
public record SourceEntry(int batch, String title, String titleEn, String file) {
}
