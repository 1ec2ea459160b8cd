package io.github.synced.example.breakers;

import java.util.concurrent.atomic.AtomicInteger;

final class FakeUtil {
  private FakeUtil() {}

  static boolean take(AtomicInteger n) {
    return n.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
  }
}
