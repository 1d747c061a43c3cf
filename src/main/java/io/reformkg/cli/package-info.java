/**
 * The command line (last stage): {@code reform-kg build | validate | serve | export | query |
 * queries | generate | ontology-docs}, with picocli. Entry point: {@link io.reformkg.cli.Main}; a
 * {@link io.reformkg.error.ReformKgException} prints one line and exits with status 2. Uses every
 * package; none uses it.
 */
package io.reformkg.cli;
