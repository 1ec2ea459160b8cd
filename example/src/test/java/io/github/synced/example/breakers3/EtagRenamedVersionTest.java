package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Versions read from an ETag land in a field renamed with @JsonProperty("lock_version"). */
class EtagRenamedVersionTest {
  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void etagVersionUnderRenamedField(String jackson) throws Exception {
    try (Loopback server = new Loopback()) {
      server.handler =
          r -> {
            if (r.method().equals("GET")) {
              return Loopback.Resp.json(200, "{\"id\":\"d1\",\"body\":\"x\"}")
                  .header("ETag", "\"7\"");
            }
            return Loopback.Resp.json(200, "{\"id\":\"d1\",\"body\":\"y\"}")
                .header("ETag", "\"8\"");
          };
      Dialect dialect =
          Dialect.plainJson().toBuilder().versionFrom(Dialect.VersionSource.ETAG).build();
      HttpRemote.Builder<String, Doc> b =
          HttpRemote.<String, Doc>builder(server.uri(), "/docs", new DocJson()).dialect(dialect);
      if (jackson.equals("j3")) {
        b.jackson3(new tools.jackson.databind.ObjectMapper());
      } else {
        b.mapper(new com.fasterxml.jackson.databind.ObjectMapper());
      }
      SyncStore<String, Doc> store =
          SyncStore.of(DocSync.TYPE)
              .remote(b.build())
              .scheduler(new VirtualScheduler())
              .notifyOn(Runnable::run)
              .build();
      store.refetch("d1").get(10, TimeUnit.SECONDS);
      assertEquals(7L, store.get("d1").orElseThrow().lockVersion, jackson + ": ETag version read");
      Doc after = store.update("d1", DocPatch.empty().body("y")).result().get(10, TimeUnit.SECONDS);
      assertEquals(8L, after.lockVersion, jackson + ": ETag of the answer");
      Loopback.Req patch = server.writes().get(0);
      assertEquals("\"7\"", patch.headers().get("if-match"));
      assertEquals("{\"body\":\"y\"}", patch.body().replaceAll("\\s", ""));
    }
  }
}
