package io.github.synced.runtime.http;

import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.spi.EntityType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes an {@link HttpRemote}'s requests: the collection's URL, an id's path segment (refused where
 * it would address another resource: see "Ids" in {@link HttpRemote}'s class comment), and each
 * request's method, target and headers ({@code Accept}, {@code Idempotency-Key}, {@code
 * Content-Type}, {@code If-Match} in the dialect's form) with a write's body.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Requests<K, E> {

  private final String collection;
  private final String path;
  private final EntityType<?, E> type;
  private final Function<? super K, String> idSegment;
  private final Dialect dialect;
  private final Bodies<K, E> bodies;

  Requests(
      URI baseUri,
      String path,
      EntityType<?, E> type,
      Function<? super K, String> idSegment,
      Dialect dialect,
      Bodies<K, E> bodies) {
    String base = baseUri.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.path = path.startsWith("/") ? path : "/" + path;
    this.collection = base + this.path;
    this.type = type;
    this.idSegment = idSegment;
    this.dialect = dialect;
    this.bodies = bodies;
  }

  /** A request to send, with the call it is for messages and for classifying its failures. */
  record Outgoing(Call call, HttpRequest request) {}

  /** The collection's URL: the base URI, without trailing slashes, and the path. */
  String collection() {
    return collection;
  }

  /** The call of a fetch of {@code id}. */
  Call fetch(K id) {
    return new Call("GET", path + "/" + segment(id, "GET"), id, false);
  }

  /** The request of one page of the list, at {@code uri}. */
  static Outgoing page(URI uri) {
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Call call = new Call("GET", target, null, false);
    return new Outgoing(
        call, HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build());
  }

  /** The request of a write, with its body, {@code Idempotency-Key} and {@code If-Match}. */
  Outgoing write(Write<K, E> write) {
    Call call;
    HttpRequest.Builder request;
    switch (write.kind()) {
      case CREATE -> {
        call = new Call("POST", path, write.id(), true);
        request =
            request(call).POST(HttpRequest.BodyPublishers.ofByteArray(bodies.write(write.patch())));
      }
      case UPDATE -> {
        call = new Call("PATCH", path + "/" + segment(write.id(), "PATCH"), write.id(), true);
        request =
            request(call)
                .method(
                    "PATCH", HttpRequest.BodyPublishers.ofByteArray(bodies.write(write.patch())));
      }
      case DELETE -> {
        call = new Call("DELETE", path + "/" + segment(write.id(), "DELETE"), write.id(), true);
        request = request(call).DELETE();
      }
      default -> throw new IllegalArgumentException("unknown write kind " + write.kind());
    }
    request.header("Idempotency-Key", write.idempotencyKey());
    if (write.kind() != Write.Kind.DELETE) {
      request.header("Content-Type", "application/json");
    }
    String ifMatch = ifMatch(write.baseVersion());
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    Call sent = ifMatch == null ? call : call.withPrecondition(ifMatch);
    return new Outgoing(sent, request.build());
  }

  /** The {@code If-Match} value of a base version in the dialect's form; null for none. */
  private String ifMatch(Object baseVersion) {
    if (baseVersion == null) {
      return null;
    }
    String v = String.valueOf(baseVersion);
    return switch (dialect.ifMatch()) {
      case QUOTED -> "\"" + v + "\"";
      case WEAK -> "W/\"" + v + "\"";
      case BARE -> v;
      case NONE -> null;
    };
  }

  HttpRequest.Builder request(Call call) {
    String target = call.target().substring(path.length());
    return HttpRequest.newBuilder(URI.create(collection + target))
        .header("Accept", "application/json");
  }

  /** The URL-encoded path segment of {@code id}; refuses one that would address another path. */
  private String segment(K id, String method) {
    Objects.requireNonNull(id, "id");
    String raw = Objects.requireNonNull(idSegment.apply(id), "idSegment returned null");
    String problem = unsafeSegment(raw);
    if (problem != null) {
      throw SyncFailure.rejected(
          0,
          type.name()
              + " id '"
              + id
              + "' cannot be sent: its path segment '"
              + raw
              + "' "
              + problem
              + ", so "
              + method
              + " "
              + path
              + "/"
              + raw
              + " would address another resource than the entity. Nothing was sent. Give the"
              + " entity an id that is not empty, '.' or '..', or map ids to safe path segments"
              + " with HttpRemote.Builder.idSegment.");
    }
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Why a path segment (before encoding) would not address one entity under the collection, or
   * {@code null} if it does: see "Ids" in {@link HttpRemote}'s class comment.
   */
  static String unsafeSegment(String segment) {
    if (segment.isEmpty()) {
      return "is empty (URL normalisation drops empty segments)";
    }
    String normal = Normalizer.normalize(segment, Normalizer.Form.NFKC);
    if (normal.equals(".") || normal.equals("..")) {
      return normal.equals(segment)
          ? "is a dot segment (URL normalisation resolves it)"
          : "is the dot segment '" + normal + "' after Unicode normalisation (NFKC)";
    }
    if (normal.indexOf('/') >= 0 || normal.indexOf('\\') >= 0) {
      for (String part : normal.split("[/\\\\]", -1)) {
        if (part.isEmpty() || part.equals(".") || part.equals("..")) {
          return "has the part '"
              + part
              + "' between slashes (servers and proxies that decode %2F or %5C before"
              + " normalising the path drop or resolve it)";
        }
      }
    }
    return null;
  }
}
