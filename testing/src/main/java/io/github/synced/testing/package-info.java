/**
 * Test aids for code that uses Synced: {@link io.github.synced.testing.VirtualScheduler}, a clock
 * and timer that stand still until the test advances them, so retries and backoffs run without
 * sleeps. Depend on {@code synced-testing} in test scope.
 */
package io.github.synced.testing;
