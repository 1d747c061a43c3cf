/**
 * Storage (stage 5): where a built dataset lives and which one is served.
 * <ul>
 * <li>{@link io.reformkg.store.GraphStore}, the entry point: one built dataset and its indexes, in
 * memory or in a TDB2 folder, read-only;</li>
 * <li>{@link io.reformkg.store.Tdb2Location} and {@link io.reformkg.store.DataVersion}: the TDB2
 * folder (one store per data version, swapped atomically, locked per process) and the digest of
 * the inputs that says when a store can be reused;</li>
 * <li>{@link io.reformkg.store.CurrentStore}: the store a request reads, whole, and values derived
 * from it once per store; {@link io.reformkg.store.LiveStore} replaces it when the data folder
 * changes; {@link io.reformkg.store.OpeningStore} stands for it while it opens on a thread of its
 * own, so the server is put together meanwhile.</li>
 * </ul>
 * Uses {@code build} (to build a store) and the stages it names in the data version.
 */
package io.reformkg.store;
