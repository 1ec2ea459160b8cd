package io.github.synced.example.breakers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that records every request and hands it to a handler. Public so that the
 * other breakers packages (breakers8) serve through it too.
 */
public final class Wire implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the server received it. */
  public record Req(
      String method, String path, String query, String ifMatch, String key, String body) {
    public JsonNode json() {
      try {
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    String segment() {
      int slash = path.lastIndexOf('/');
      return path.substring(slash + 1);
    }

    @Override
    public String toString() {
      return method + " " + path + (query == null ? "" : "?" + query) + " " + body;
    }
  }

  /** What the server does with a request. */
  public interface Handler {
    void handle(Req req, HttpExchange ex) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  final List<Req> requests = new ArrayList<>();

  public Wire(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Req req =
                new Req(
                    ex.getRequestMethod(),
                    ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders().getFirst("If-Match"),
                    ex.getRequestHeaders().getFirst("Idempotency-Key"),
                    body);
            synchronized (requests) {
              requests.add(req);
            }
            handler.handle(req, ex);
          } catch (Exception | Error e) {
            e.printStackTrace();
            ex.close();
          }
        });
    server.setExecutor(pool);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Req> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Req> requests(String method) {
    return requests().stream().filter(r -> r.method().equals(method)).toList();
  }

  public static void send(HttpExchange ex, int status, String body, String... headers)
      throws IOException {
    for (int i = 0; i < headers.length; i += 2) {
      ex.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!body.isEmpty()) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Drops the connection without an answer (the server may already have committed). */
  public static void drop(HttpExchange ex) {
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
