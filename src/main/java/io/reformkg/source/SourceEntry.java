package io.reformkg.source;

/**
 * One manifest entry: a published list, its batch number, title and file under {@code sources/},
 * and how it was published ({@code null} when the manifest does not say).
 */
public record SourceEntry(int batch, String title, String titleEn, String file, Publication publication) {
}
