package io.github.synced.example.breakers3;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A scripted loopback server that records every request. */
final class Loopback implements AutoCloseable {
  record Req(String method, String path, Map<String, String> headers, String body) {}

  record Resp(int status, Map<String, String> headers, String body) {
    static Resp json(int status, String body) {
      return new Resp(status, Map.of(), body);
    }

    Resp header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Resp(status, h, body);
    }
  }

  final List<Req> requests = new CopyOnWriteArrayList<>();
  volatile Function<Req, Resp> handler = r -> Resp.json(404, "{}");
  private final HttpServer server;

  Loopback() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders()
                .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().toString();
            Req req = new Req(ex.getRequestMethod(), path, headers, body);
            requests.add(req);
            Resp resp = handler.apply(req);
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (!resp.headers().containsKey("Content-Type")) {
              ex.getResponseHeaders().add("Content-Type", "application/json");
            }
            byte[] bytes = resp.body().getBytes(StandardCharsets.UTF_8);
            if (resp.status() == 204) {
              ex.sendResponseHeaders(204, -1);
            } else {
              ex.sendResponseHeaders(resp.status(), bytes.length == 0 ? -1 : bytes.length);
              try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
              }
            }
          }
        });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Req> writes() {
    return requests.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
