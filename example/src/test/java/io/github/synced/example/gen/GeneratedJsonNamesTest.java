package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.runtime.json.JsonCodecs;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generated codec honours {@code @JsonProperty} names (an outside tester found them ignored: a
 * snake_case server's {@code updated_at} read as a missing version, {@code is_done} as false).
 */
class GeneratedJsonNamesTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final SnakeItemJson codec = new SnakeItemJson();

  @Test
  void theEntityIsWrittenAndReadUnderItsJsonPropertyNames() {
    SnakeItem item = new SnakeItem();
    item.id = "s1";
    item.displayName = "Tea";
    item.done = true;
    item.updatedAt = 7;
    item.expanded = true;

    String json = new String(JsonCodecs.writeEntity(mapper, codec, item), StandardCharsets.UTF_8);

    assertEquals(
        "{\"id\":\"s1\",\"display_name\":\"Tea\",\"is_done\":true,\"updated_at\":7}", json);
    SnakeItem read =
        JsonCodecs.readEntity(
            mapper,
            codec,
            "{\"id\":\"s2\",\"display_name\":\"Jam\",\"is_done\":true,\"updated_at\":9}"
                .getBytes(StandardCharsets.UTF_8),
            null);
    assertEquals("Jam", read.displayName);
    assertTrue(read.done);
    assertEquals(9, read.updatedAt);
    assertFalse(read.expanded);
    assertEquals("updated_at", codec.property(SnakeItemField.UPDATED_AT));
    assertEquals("id", codec.property(SnakeItemField.ID));
  }

  @Test
  void httpRemotePutsAnETagVersionUnderTheRenamedProperty() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/items/s1",
        exchange -> {
          byte[] body =
              "{\"id\":\"s1\",\"display_name\":\"Tea\",\"is_done\":false}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.getResponseHeaders().set("ETag", "\"12\"");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      HttpRemote<String, SnakeItem> remote =
          HttpRemote.<String, SnakeItem>builder(uri, "/items", codec)
              .dialect(
                  Dialect.plainJson().toBuilder().versionFrom(Dialect.VersionSource.ETAG).build())
              .build();

      SnakeItem fetched =
          remote.fetch("s1").toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();

      assertEquals(12, fetched.updatedAt);
      assertEquals("Tea", fetched.displayName);
    } finally {
      server.stop(0);
    }
  }
}
