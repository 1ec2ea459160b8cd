package io.github.synced.example.soak.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.server.RestServer;
import io.github.synced.example.soak.Soak;
import io.github.synced.example.soak.Subject;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** What the contract tests share: a real store over the real HTTP remote to a real server. */
final class Clients {

  private Clients() {}

  /** Five attempts (the default), 1 ms doubling to 10 ms, no jitter. */
  static RetryPolicy quickRetries() {
    return RetryPolicy.defaults()
        .withBackoff(Duration.ofMillis(1), 2.0, Duration.ofMillis(10))
        .withJitter(0, new SplittableRandom(1)::nextDouble);
  }

  /** A store of {@code type} over HTTP to {@code server}, loaded with what the server has. */
  static <K, E> SyncStore<K, E> store(
      RestServer server, EntityType<K, E> type, JsonCodec<E> codec, ObjectMapper mapper)
      throws Exception {
    HttpRemote<K, E> remote =
        HttpRemote.<K, E>builder(server.uri(), server.personality().path(), codec)
            .mapper(mapper)
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    SyncStore<K, E> store = SyncStore.of(type).remote(remote).retry(quickRetries()).build();
    store.refetch().get(10, TimeUnit.SECONDS);
    return store;
  }

  /** Waits until {@code m} settles, however it settles. */
  static void settled(Mutation<?, ?> m) throws Exception {
    m.result().handle((v, f) -> null).get(10, TimeUnit.SECONDS);
  }

  /** Runs the soak and fails with its report if it found any violation. */
  static void soakHolds(Soak.Config config, Subject<?, ?> subject) throws Exception {
    Soak.Report report = Soak.run(config, subject);
    System.out.println(report.text(3));
    assertEquals(List.of(), report.violations(), () -> report.text(5));
  }
}
