package io.github.synced.example.breakers3;

import io.github.synced.runtime.http.HttpRemote;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Runs inside a class loader that has no Jackson 2. */
public final class NoJackson2Driver {
  private NoJackson2Driver() {}

  public static String run(String base) throws Exception {
    HttpRemote<String, Doc> remote =
        HttpRemote.<String, Doc>builder(URI.create(base), "/docs", new DocJson()).build();
    Doc d = remote.fetch("d1").toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    return d.body + "@" + d.lockVersion;
  }
}
