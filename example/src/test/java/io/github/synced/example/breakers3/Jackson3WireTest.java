package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Jackson3WireTest {
  @Test
  void indentOutputMapperRetriesWithTheSameBytesAndKey() throws Exception {
    try (Loopback server = new Loopback()) {
      AtomicInteger calls = new AtomicInteger();
      server.handler =
          r -> {
            if (r.method().equals("GET")) {
              return Loopback.Resp.json(200, "{\"id\":\"d1\",\"body\":\"x\",\"lock_version\":1}");
            }
            if (calls.getAndIncrement() == 0) {
              return Loopback.Resp.json(500, "{\"error\":\"boom\"}");
            }
            return Loopback.Resp.json(200, "{\"id\":\"d1\",\"body\":\"y\",\"lock_version\":2}");
          };
      tools.jackson.databind.ObjectMapper indent =
          tools.jackson.databind.json.JsonMapper.builder()
              .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .build();
      VirtualScheduler clock = new VirtualScheduler();
      SyncStore<String, Doc> store =
          SyncStore.of(DocSync.TYPE)
              .remote(
                  HttpRemote.<String, Doc>builder(server.uri(), "/docs", new DocJson())
                      .jackson3(indent)
                      .build())
              .scheduler(clock)
              .notifyOn(Runnable::run)
              .build();
      store.refetch("d1").get(10, TimeUnit.SECONDS);
      CompletableFuture<Void> retrying = new CompletableFuture<>();
      store.onTransition(
          t -> {
            if (t.to() == MutationState.RETRYING) {
              retrying.complete(null);
            }
          });
      var m = store.update("d1", DocPatch.empty().body("y"));
      retrying.get(10, TimeUnit.SECONDS);
      // the retry's timer is registered right after the transition is announced
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (clock.nextDue().isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      clock.advance(Duration.ofMinutes(1));
      Doc after = m.result().get(10, TimeUnit.SECONDS);
      assertEquals(2L, after.lockVersion);
      var writes = server.writes();
      assertEquals(2, writes.size());
      assertEquals(writes.get(0).body(), writes.get(1).body(), "resend byte for byte the same");
      assertEquals(
          writes.get(0).headers().get("idempotency-key"),
          writes.get(1).headers().get("idempotency-key"));
      assertEquals("{\"body\":\"y\"}", writes.get(0).body().replaceAll("\\s", ""));
    }
  }

  @Test
  void garbageEtagNamesEntityIdAndVersionField() throws Exception {
    try (Loopback server = new Loopback()) {
      server.handler =
          r -> Loopback.Resp.json(200, "{\"id\":\"d1\",\"body\":\"x\"}").header("ETag", "\"abc\"");
      HttpRemote<String, Doc> remote =
          HttpRemote.<String, Doc>builder(server.uri(), "/docs", new DocJson())
              .jackson3(new tools.jackson.databind.ObjectMapper())
              .dialect(
                  Dialect.plainJson().toBuilder().versionFrom(Dialect.VersionSource.ETAG).build())
              .build();
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> remote.fetch("d1").toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof BadServerDataException, String.valueOf(e.getCause()));
      String msg = e.getCause().getMessage();
      assertTrue(msg.contains("Doc") && msg.contains("d1"), "names entity and id: " + msg);
      assertTrue(
          msg.contains("lock_version") || msg.contains("lockVersion") || msg.contains("ETag"),
          "names the version field: " + msg);
    }
  }
}
