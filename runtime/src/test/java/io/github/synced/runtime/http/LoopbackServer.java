package io.github.synced.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a loopback port that records every request and answers as the test says.
 */
final class LoopbackServer implements AutoCloseable {

  /** A request as the server received it. */
  record Received(
      String method, String rawPath, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  /** How the server answers one exchange. */
  interface Responder {
    void answer(HttpExchange exchange) throws IOException;
  }

  static {
    // answer without waiting for the client's delayed ACK (see TaskServer in the example)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private volatile Responder responder = respond(200, Map.of(), "");

  LoopbackServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestURI().getRawQuery(),
                  caseInsensitive(exchange.getRequestHeaders()),
                  body));
          responder.answer(exchange);
        });
    server.start();
  }

  private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    return copy;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on, answer every request with {@code r}; forgets the requests received so far. */
  void answer(Responder r) {
    received.clear();
    responder = r;
  }

  /** The next request received, waiting for it up to ten seconds. */
  Received next() throws InterruptedException {
    Received r = received.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the server received no request");
    }
    return r;
  }

  /** The requests received and not yet taken, without waiting; forgets them. */
  List<Received> receivedSoFar() {
    List<Received> all = new ArrayList<>();
    received.drainTo(all);
    return all;
  }

  /** Answers with {@code status}, {@code headers} and {@code body} (empty: no body). */
  static Responder respond(int status, Map<String, String> headers, String body) {
    return exchange -> {
      headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (!body.isEmpty()) {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    };
  }

  static Responder respond(int status, String body) {
    return respond(status, Map.of(), body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
