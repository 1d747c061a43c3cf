package io.reformkg.source;

/**
 * How a list was published, from its manifest entry: the body that issued it, the notice it is
 * attached to, the year, and where these facts come from. The English forms may be absent.
 */
public record Publication(String issuer, String issuerEn, String notice, String noticeEn, int year,
                          String attribution) {
}
