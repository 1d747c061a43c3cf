/**
 * The vocabularies: one class per namespace (RKG, the project's own; ELI, PROV, SCHEMA, SD;
 * RKGSH for the shapes), holding every IRI the code names, as Jena's {@code RDF} and {@code SKOS}
 * do. Uses nothing of the project's; every stage from graph building on uses it.
 */
package io.reformkg.vocab;
