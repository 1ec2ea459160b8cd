package io.github.synced.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The work a store's transitions produce for the world outside its lock (remote calls, timers,
 * listener deliveries, settled futures), run in the order the transitions happened, by one thread
 * at a time, never under the store's lock. A failure of one piece of work is reported to the
 * thread's uncaught-exception handler and never stops the rest.
 */
final class AfterLock {

  /** Work of the transition in progress; touched only under the store's lock. */
  private final List<Runnable> staged = new ArrayList<>();

  /** Futures the transition in progress settles: they run after all its other work. */
  private final List<Runnable> settling = new ArrayList<>();

  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean draining;

  /** Adds work to the transition in progress (under the store's lock). */
  void stage(Runnable work) {
    staged.add(work);
  }

  /**
   * Adds the settling of a future to the transition in progress (under the store's lock): it runs
   * after every other piece of the transition's work, so code that waits for a mutation's result
   * finds its listeners already handed the change.
   */
  void stageSettle(Runnable work) {
    settling.add(work);
  }

  /** The transition is done: its work joins the queue in order (under the store's lock). */
  void commit() {
    if (staged.isEmpty() && settling.isEmpty()) {
      return;
    }
    synchronized (queue) {
      queue.addAll(staged);
      queue.addAll(settling);
    }
    staged.clear();
    settling.clear();
  }

  /**
   * Runs queued work until none is left, unless another thread already does (outside the lock).
   * Work that a running item queues (a listener calling back into the store) runs after it.
   */
  void drain() {
    synchronized (queue) {
      if (draining || queue.isEmpty()) {
        return;
      }
      draining = true;
    }
    while (true) {
      Runnable next;
      synchronized (queue) {
        next = queue.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        next.run();
      } catch (Throwable t) { // user code (an executor, a scheduler) must not stop the store
        report(t);
      }
    }
  }

  /** Hands a failure of user code to the current thread's uncaught-exception handler. */
  static void report(Throwable t) {
    Thread current = Thread.currentThread();
    try {
      current.getUncaughtExceptionHandler().uncaughtException(current, t);
    } catch (Throwable ignored) { // a failing handler has nowhere left to report to
    }
  }
}
