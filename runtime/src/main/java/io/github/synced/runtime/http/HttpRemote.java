package io.github.synced.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A {@link Remote} for one entity collection served as JSON over HTTP ({@code java.net.http} and a
 * {@link JsonCodec}), in the common REST shape:
 *
 * <table>
 *   <caption>Requests</caption>
 *   <tr><th>call</th><th>request</th><th>success</th></tr>
 *   <tr><td>{@link #fetch fetch(id)}</td><td>{@code GET {path}/{id}}</td>
 *       <td>2xx with the entity; {@code 404} → empty</td></tr>
 *   <tr><td>{@link #fetchAll()}</td><td>{@code GET {path}}</td><td>2xx with a JSON array</td></tr>
 *   <tr><td>create</td><td>{@code POST {path}}, the fields of {@link Write#patch()}: every
 *       synced field but the version, and but the id where the server assigns it</td>
 *       <td>2xx with the created entity (its real id)</td></tr>
 *   <tr><td>update</td><td>{@code PATCH {path}/{id}}, exactly the patch's fields
 *       ({@code null} values written, absent fields left out)</td><td>2xx</td></tr>
 *   <tr><td>delete</td><td>{@code DELETE {path}/{id}}</td><td>2xx</td></tr>
 * </table>
 *
 * <p>Every write carries {@code Idempotency-Key: <write.idempotencyKey()>}, the same on every
 * attempt of one write, and, where {@link Write#baseVersion()} is not {@code null}, {@code
 * If-Match: "<baseVersion>"}. A 2xx answer with an object body becomes {@link Reply#entity}; an
 * update's answer without the id property, such as {@code {"updatedAt": 8}}, becomes {@link
 * Reply#partial} (it must then hold the version, where the entity has one); a {@code 204} or an
 * empty body becomes {@link Reply#empty()}, and so does any answer to a delete (its body is not
 * read). An answer whose id differs from the id written to (updates, fetches) is refused.
 *
 * <table>
 *   <caption>Failures, as the store sees them</caption>
 *   <tr><th>answer</th><th>{@link SyncFailure.Kind}</th></tr>
 *   <tr><td>2xx</td><td>none: confirmed</td></tr>
 *   <tr><td>409, 412</td><td>{@code CONFLICT}, with the server's latest entity when the body
 *       is a JSON object</td></tr>
 *   <tr><td>429, 503</td><td>{@code TRANSIENT}, with {@code Retry-After} (seconds or an HTTP
 *       date)</td></tr>
 *   <tr><td>other 5xx</td><td>{@code TRANSIENT} ({@code Retry-After} honoured if sent)</td></tr>
 *   <tr><td>408</td><td>{@code OUTCOME_UNKNOWN}</td></tr>
 *   <tr><td>404, 410</td><td>{@code NOT_FOUND}: the entity is not on the server</td></tr>
 *   <tr><td>other 4xx (and 1xx, 3xx)</td><td>{@code REJECTED}, with the status and the body's
 *       text</td></tr>
 *   <tr><td>connection refused, connect timeout: nothing was sent</td>
 *       <td>{@code TRANSIENT}</td></tr>
 *   <tr><td>request timeout, or any other I/O error (the request may have been sent: a dropped
 *       connection, a reset, no answer)</td><td>{@code OUTCOME_UNKNOWN}</td></tr>
 *   <tr><td>a 2xx, 409 or 412 body that is malformed, mistyped, or has another id</td>
 *       <td>none: the stage fails with the codec's {@link BadServerDataException}, naming entity,
 *       id and field</td></tr>
 * </table>
 *
 * <p>Fetches change nothing on the server, so for them an outcome-unknown answer (408, timeout, I/O
 * error) is reported as {@code TRANSIENT}. Failed stages complete exceptionally with the {@link
 * SyncFailure} or {@link BadServerDataException} itself (not wrapped).
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class HttpRemote<K, E> implements Remote<K, E> {

  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final String collection;
  private final String path;
  private final JsonCodec<E> codec;
  private final EntityType<?, E> type;
  private final ObjectMapper mapper;
  private final Function<? super K, String> idSegment;
  private final HttpClient client;
  private final Duration requestTimeout;
  private final Clock clock;

  private HttpRemote(Builder<K, E> b) {
    String base = b.baseUri.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.path = b.path.startsWith("/") ? b.path : "/" + b.path;
    this.collection = base + path;
    this.codec = b.codec;
    this.type = b.codec.type();
    this.mapper = b.mapper;
    this.idSegment = b.idSegment;
    this.requestTimeout = b.requestTimeout;
    this.clock = b.clock;
    this.client =
        b.client != null
            ? b.client
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .build();
  }

  /**
   * A builder for a remote of the collection at {@code baseUri} + {@code path}, for example {@code
   * HttpRemote.<String, Task>builder(URI.create("http://localhost:8080"), "/tasks", new
   * TaskJson(mapper))}.
   */
  public static <K, E> Builder<K, E> builder(URI baseUri, String path, JsonCodec<E> codec) {
    return new Builder<>(baseUri, path, codec);
  }

  @Override
  public CompletionStage<Optional<E>> fetch(K id) {
    Call call;
    try {
      call = new Call("GET", path + "/" + segment(id), id, false);
    } catch (RuntimeException e) { // an id without a path segment: the stage fails, as always
      return CompletableFuture.failedFuture(e);
    }
    return exchange(
        request(call).GET().build(),
        call,
        response -> {
          if (response.statusCode() == 404) {
            return Optional.empty();
          }
          requireSuccess(response, call);
          if (isBlank(response.body())) {
            throw new BadServerDataException(
                type.name(), id, null, "GET answered " + response.statusCode() + " with no body");
          }
          return Optional.of(readSameId(response.body(), id));
        });
  }

  @Override
  public CompletionStage<List<E>> fetchAll() {
    Call call = new Call("GET", path, null, false);
    return exchange(
        request(call).GET().build(),
        call,
        response -> {
          requireSuccess(response, call);
          return JsonCodecs.readList(mapper, codec, response.body());
        });
  }

  @Override
  public CompletionStage<Reply<E>> send(Write<K, E> write) {
    try {
      return sendWrite(write);
    } catch (RuntimeException e) { // a write that cannot be encoded: the stage fails, as always
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletionStage<Reply<E>> sendWrite(Write<K, E> write) {
    Call call;
    HttpRequest.Builder request;
    switch (write.kind()) {
      case CREATE -> {
        call = new Call("POST", path, write.id(), true);
        request =
            request(call)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        JsonCodecs.writePatch(mapper, codec, write.patch())));
      }
      case UPDATE -> {
        call = new Call("PATCH", path + "/" + segment(write.id()), write.id(), true);
        request =
            request(call)
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofByteArray(
                        JsonCodecs.writePatch(mapper, codec, write.patch())));
      }
      case DELETE -> {
        call = new Call("DELETE", path + "/" + segment(write.id()), write.id(), true);
        request = request(call).DELETE();
      }
      default -> throw new IllegalArgumentException("unknown write kind " + write.kind());
    }
    request.header("Idempotency-Key", write.idempotencyKey());
    if (write.kind() != Write.Kind.DELETE) {
      request.header("Content-Type", "application/json");
    }
    if (write.baseVersion() != null) {
      request.header("If-Match", "\"" + write.baseVersion() + "\"");
    }
    return exchange(
        request.build(),
        call,
        response -> {
          requireSuccess(response, call);
          if (isBlank(response.body())) {
            return Reply.empty();
          }
          return switch (write.kind()) {
            case CREATE ->
                Reply.entity(JsonCodecs.readEntity(mapper, codec, response.body(), write.id()));
            case UPDATE -> updateReply(response.body(), write.id());
            case DELETE -> Reply.empty(); // the store needs nothing back from a delete
          };
        });
  }

  /** What one request is, for messages and for classifying its failures. */
  private record Call(String method, String target, Object id, boolean write) {
    @Override
    public String toString() {
      return method + " " + target;
    }
  }

  /** Turns an answer into a value, or throws the failure it means. */
  private interface Interpreter<T> {
    T interpret(HttpResponse<byte[]> response);
  }

  private HttpRequest.Builder request(Call call) {
    String target = call.target().substring(path.length());
    return HttpRequest.newBuilder(URI.create(collection + target))
        .timeout(requestTimeout)
        .header("Accept", "application/json");
  }

  private String segment(K id) {
    Objects.requireNonNull(id, "id");
    return URLEncoder.encode(idSegment.apply(id), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private <T> CompletableFuture<T> exchange(
      HttpRequest request, Call call, Interpreter<T> interpreter) {
    CompletableFuture<T> result = new CompletableFuture<>();
    var unused =
        client
            .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
            .whenComplete(
                (response, error) -> {
                  try {
                    if (error != null) {
                      result.completeExceptionally(failureOf(unwrap(error), call));
                    } else {
                      result.complete(interpreter.interpret(response));
                    }
                  } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                  }
                });
    return result;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The failure an exception of the HTTP client means; see the class comment. */
  private static Throwable failureOf(Throwable t, Call call) {
    if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
      return SyncFailure.transientFailure(0, call + " could not connect: " + t, null, t);
    }
    if (t instanceof IOException) {
      String what =
          t instanceof HttpTimeoutException
              ? " timed out: "
              : " failed after it may have been sent: ";
      return call.write()
          ? SyncFailure.outcomeUnknown(call + what + t, t)
          : SyncFailure.transientFailure(0, call + what + t, null, t);
    }
    return t;
  }

  /** Returns if the answer is a 2xx; throws the failure it means otherwise. */
  private void requireSuccess(HttpResponse<byte[]> response, Call call) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String message = call + " answered " + status + bodyText(response.body());
    if (status == 409 || status == 412) {
      throw SyncFailure.conflict(status, message, conflictState(response.body(), call));
    }
    if (status == 429 || status >= 500) {
      throw SyncFailure.transientFailure(
          status, message, retryAfter(response.headers(), clock), null);
    }
    if (status == 408) {
      throw call.write()
          ? SyncFailure.outcomeUnknown(message, null)
          : SyncFailure.transientFailure(status, message, null, null);
    }
    if (status == 404 || status == 410) {
      throw SyncFailure.notFound(status, message);
    }
    throw SyncFailure.rejected(status, message);
  }

  /** The server's entity in a conflict answer, if it sent one as a JSON object. */
  private E conflictState(byte[] body, Call call) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (!text.startsWith("{")) {
      return null;
    }
    return call.method().equals("POST")
        ? JsonCodecs.readEntity(mapper, codec, body, null)
        : readSameId(body, call.id());
  }

  /**
   * An update's answer: the whole entity when the body has the id, otherwise the fields it has (the
   * store takes written fields the answer leaves out as written, and fetches a version the answer
   * does not give).
   */
  private Reply<E> updateReply(byte[] body, Object id) {
    Patch<E> fields = JsonCodecs.readPatch(mapper, codec, body, id);
    if (fields.fields().contains(type.idField())) {
      return Reply.entity(readSameId(body, id));
    }
    return Reply.partial(fields);
  }

  private E readSameId(byte[] body, Object id) {
    E entity = JsonCodecs.readEntity(mapper, codec, body, id);
    Object actual = type.id(entity);
    if (!Objects.equals(actual, id)) {
      throw new BadServerDataException(
          type.name(),
          id,
          type.idField().fieldName(),
          "the server answered with the entity of id '" + actual + "'");
    }
    return entity;
  }

  /**
   * The {@code Retry-After} hint: delay-seconds or an HTTP date (measured from {@code clock}, never
   * negative); {@code null} if absent or unreadable.
   */
  static Duration retryAfter(HttpHeaders headers, Clock clock) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return null;
    }
    String v = value.get();
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException tooLarge) {
        return null;
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String bodyText(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": "
        + (text.length() > MAX_BODY_IN_MESSAGE
            ? text.substring(0, MAX_BODY_IN_MESSAGE) + "…"
            : text);
  }

  /**
   * Configures an {@link HttpRemote}.
   *
   * @param <K> the id type
   * @param <E> the entity type
   */
  public static final class Builder<K, E> {
    private final URI baseUri;
    private final String path;
    private final JsonCodec<E> codec;
    private ObjectMapper mapper = new ObjectMapper();
    private Function<? super K, String> idSegment = String::valueOf;
    private HttpClient client;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder(URI baseUri, String path, JsonCodec<E> codec) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      this.path = Objects.requireNonNull(path, "path");
      this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * The mapper whose parsers and generators the codec is handed; should be the one the codec was
     * made with. Default: a plain {@code new ObjectMapper()}.
     */
    public Builder<K, E> mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** How an id becomes its path segment, before URL encoding. Default: {@code String.valueOf}. */
    public Builder<K, E> idSegment(Function<? super K, String> idSegment) {
      this.idSegment = Objects.requireNonNull(idSegment, "idSegment");
      return this;
    }

    /**
     * The client to send with. Default: an HTTP/1.1 client made for this remote with {@link
     * #connectTimeout}.
     */
    public Builder<K, E> client(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How long to wait for a connection; applies to the default client only. Default: 5 s. */
    public Builder<K, E> connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for an answer once a request is under way; a write that times out has an
     * unknown outcome. Default: 10 s.
     */
    public Builder<K, E> requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /** The clock that an HTTP-date {@code Retry-After} is measured against. Default: UTC. */
    public Builder<K, E> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The remote. */
    public HttpRemote<K, E> build() {
      return new HttpRemote<>(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
