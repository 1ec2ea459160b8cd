package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.http.HttpRemote;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, answers are read through a JSON tree (so that ids and versions from links and headers
 * can be put in first): numbers in it keep what was sent, with Jackson 2 and with Jackson 3 alike.
 * A {@code BigDecimal} keeps its scale and digits, a {@code double} is the value its text gives.
 */
class HttpExactNumbersTest {

  private static final String ITEM =
      "{\"id\":\"a1\",\"price\":12.50,\"ratio\":0.1,\"count\":3,\"version\":1}";
  private static final String BIG =
      "{\"id\":\"a2\",\"price\":1234567890.123456789012345678900,\"ratio\":1E-7,\"version\":2}";

  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/items",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body =
                path.endsWith("/a1")
                    ? ITEM
                    : path.endsWith("/a2") ? BIG : "[" + ITEM + "," + BIG + "]";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void readsExactly(UnaryOperator<HttpRemote.Builder<String, FieldItem>> json)
      throws Exception {
    HttpRemote<String, FieldItem> remote =
        json.apply(
                HttpRemote.<String, FieldItem>builder(uri, "/items", new FieldItemJson())
                    .requestTimeout(Duration.ofSeconds(10)))
            .build();
    FieldItem a1 = remote.fetch("a1").toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    assertEquals("12.50", a1.price.toString());
    assertEquals(0.1, a1.ratio);
    assertEquals(3, a1.count);
    FieldItem a2 = remote.fetch("a2").toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    assertEquals(new BigDecimal("1234567890.123456789012345678900"), a2.price);
    assertEquals(21, a2.price.scale());
    assertEquals(1e-7, a2.ratio);
    List<Reply<FieldItem>> list = remote.list().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(2, list.size());
    assertEquals("12.50", list.get(0).entity().orElseThrow().price.toString());
    assertEquals(21, list.get(1).entity().orElseThrow().price.scale());
  }

  @Test
  void jackson2KeepsEveryDigitSent() throws Exception {
    readsExactly(b -> b.mapper(new com.fasterxml.jackson.databind.ObjectMapper()));
  }

  @Test
  void jackson3KeepsEveryDigitSent() throws Exception {
    readsExactly(b -> b.jackson3(new tools.jackson.databind.ObjectMapper()));
  }
}
