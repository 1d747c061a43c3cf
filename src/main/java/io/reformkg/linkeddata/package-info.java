/**
 * Linked data (stage 7): every IRI of the graph dereferenceable on the server (303 to an HTML
 * page or an RDF document by {@code Accept}), dumps, the VoID/DCAT description and the JSON-LD
 * context. Entry point: {@link io.reformkg.linkeddata.LinkedData}. Uses {@code store},
 * {@code export}, {@code graph}, {@code http}, {@code vocab}.
 */
package io.reformkg.linkeddata;
