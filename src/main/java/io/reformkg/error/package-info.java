/**
 * The errors a user can act on: {@link io.reformkg.error.ReformKgException}, the root of every
 * stage's own (a source's {@code file:line}, a SHACL violation, a store folder, an unknown query
 * parameter), and {@link io.reformkg.error.OsErrors}, the one wording of the operating system's
 * reasons. Uses nothing of the project's: every other package may use it.
 */
package io.reformkg.error;
