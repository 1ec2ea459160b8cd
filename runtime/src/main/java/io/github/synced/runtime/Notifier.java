package io.github.synced.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default listener executor: one per store, running deliveries one at a time in order on a
 * daemon thread of its own that ends when idle. A slow listener of one store therefore never stalls
 * another store, nor any store's sends.
 */
final class Notifier {

  private Notifier() {}

  static Executor of(String entity) {
    return new ThreadPoolExecutor(
        0,
        1,
        5,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "synced-listeners-" + entity);
          t.setDaemon(true);
          return t;
        });
  }
}
