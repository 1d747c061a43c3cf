/**
 * How ARQ evaluates SPARQL on a served store: the project's extension of ARQ's executor, the
 * engine's own hook ({@code QC.setFactory}), with standard SPARQL and ARQ's answers unchanged.
 * {@link io.reformkg.query.engine.MemoizedPathExecutor}, the entry point, walks a property path
 * once per start node and query. Uses no other package of the project.
 */
package io.reformkg.query.engine;
