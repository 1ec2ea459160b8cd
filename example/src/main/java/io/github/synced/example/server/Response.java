package io.github.synced.example.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the {@link RestServer}: its status, headers and body, and how it is sent on an
 * exchange. Its body array is never changed once made.
 */
@SuppressWarnings("ArrayRecordComponent")
record Response(int status, Map<String, String> headers, byte[] body) {

  Response with(String header, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(header, value);
    return new Response(status, h, body);
  }

  /** Sends this answer on {@code exchange} and closes it; a client that is gone is ignored. */
  void send(HttpExchange exchange) {
    try {
      headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      if (body().length > 0) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(status(), body().length == 0 ? -1 : body().length);
      if (body().length > 0) {
        exchange.getResponseBody().write(body());
      }
    } catch (IOException clientGone) {
      // the client stopped waiting (for example it timed out on a held answer): nothing to do
    } finally {
      exchange.close();
    }
  }
}
