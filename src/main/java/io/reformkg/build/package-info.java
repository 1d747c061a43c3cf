/**
 * The build pipeline: sources in, a built dataset and its indexes out — parse, build the graph,
 * infer, validate and index one batch (list) at a time, then what needs every batch. Entry point:
 * {@link io.reformkg.build.BatchedBuild}; a violation of the shapes stops it with
 * {@link io.reformkg.build.BuildFailedException}. Uses the stages before it ({@code source},
 * {@code reference}, {@code graph}, {@code inference}, {@code validation}, {@code search}).
 */
package io.reformkg.build;
