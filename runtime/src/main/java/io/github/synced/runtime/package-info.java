/**
 * The Synced runtime: a {@link io.github.synced.runtime.SyncStore} that keeps a client's view of
 * server-owned entities consistent while mutations are in flight, and the interfaces it works
 * through.
 *
 * <ul>
 *   <li>Implemented by generated code, per {@code @Synced} type: {@link
 *       io.github.synced.runtime.spi.EntityType}, {@link io.github.synced.runtime.spi.EntityField},
 *       {@link io.github.synced.runtime.spi.Snapshot}, {@link io.github.synced.runtime.spi.Patch}.
 *   <li>Implemented by the user (or the HTTP adapter): {@link io.github.synced.runtime.Remote},
 *       which answers {@link io.github.synced.runtime.Write}s with {@link
 *       io.github.synced.runtime.Reply}s or {@link io.github.synced.runtime.SyncFailure}s.
 *   <li>The store and what it hands out: {@link io.github.synced.runtime.Mutation} handles with
 *       their {@link io.github.synced.runtime.MutationState}, {@link
 *       io.github.synced.runtime.Change}s and {@link io.github.synced.runtime.Transition}s for
 *       listeners, {@link io.github.synced.runtime.Subscription}s, {@link
 *       io.github.synced.runtime.LiveView}s (live filtered, sorted lists).
 *   <li>Policies and time: {@link io.github.synced.runtime.RetryPolicy}, {@link
 *       io.github.synced.runtime.ConflictPolicy}, {@link io.github.synced.runtime.Scheduler} and
 *       {@code io.github.synced.testing.VirtualScheduler} (artifact synced-testing) for tests.
 * </ul>
 *
 * <p>The core needs nothing but the JDK; adapters live in subpackages.
 */
package io.github.synced.runtime;
