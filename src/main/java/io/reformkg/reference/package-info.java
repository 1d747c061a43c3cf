/**
 * Reference data (stage 0): guiding bodies, categories, pilot regions, promotion scopes and China's
 * administrative divisions, read from {@code data/reference/} into records and checked for
 * consistency. Entry point: {@link io.reformkg.reference.ReferenceData#load}. Uses {@code error} only.
 */
package io.reformkg.reference;
