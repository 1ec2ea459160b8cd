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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 *       <td>2xx with the created entity, or with some of its fields (then its id, where the server
 *       assigns it, and its version)</td></tr>
 *   <tr><td>update</td><td>{@code PATCH {path}/{id}}, exactly the patch's fields
 *       ({@code null} values written, absent fields left out)</td><td>2xx</td></tr>
 *   <tr><td>delete</td><td>{@code DELETE {path}/{id}}</td><td>2xx</td></tr>
 * </table>
 *
 * <p>Every write carries {@code Idempotency-Key: <write.idempotencyKey()>}, the same on every
 * attempt of one write, and, where {@link Write#baseVersion()} is not {@code null}, {@code
 * If-Match: "<baseVersion>"}. A 2xx answer to a create or update whose object names every synced
 * field becomes {@link Reply#entity}; one that names only some, such as {@code {"updatedAt": 8}},
 * becomes {@link Reply#partial} (it must then hold the version, where the entity has one, and for a
 * create whose id the server assigns, the id); a {@code 204} or an empty body becomes {@link
 * Reply#empty()}, and so does any answer to a delete (its body is not read). An answer whose id
 * differs from the id written to (updates, fetches) is refused.
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
 *   <tr><td>the deadline passed, or any other I/O error (the request may have been sent: a
 *       dropped connection, a reset, no answer)</td><td>{@code OUTCOME_UNKNOWN}</td></tr>
 *   <tr><td>a 2xx answer to a write with a body over the size limit</td>
 *       <td>{@code OUTCOME_UNKNOWN}</td></tr>
 *   <tr><td>a 2xx, 409 or 412 body that is malformed, mistyped, or has another id; a 2xx
 *       answer to a fetch over the size limit</td>
 *       <td>{@code BAD_RESPONSE}: the stage fails with a {@link BadServerDataException}, naming
 *       entity, id and field</td></tr>
 *   <tr><td>an id that would form a dot segment or an empty segment: nothing is sent</td>
 *       <td>{@code REJECTED}, status 0</td></tr>
 * </table>
 *
 * <p>Fetches change nothing on the server, so for them an outcome-unknown answer (408, deadline,
 * I/O error) is reported as {@code TRANSIENT}. Failed stages complete exceptionally with the {@link
 * SyncFailure} or {@link BadServerDataException} itself (not wrapped).
 *
 * <p><b>Limits.</b> A hostile or broken server cannot keep a mutation waiting or exhaust the
 * client's memory:
 *
 * <ul>
 *   <li><b>Deadline.</b> {@link Builder#requestTimeout} bounds the whole exchange: from the moment
 *       the request is handed to the HTTP client, connecting included, until the last byte of the
 *       answer's body. A server that sends its headers and then trickles the body is cut off at the
 *       deadline and the connection is closed. A write that misses the deadline has an unknown
 *       outcome (the server may have applied it); a fetch fails {@code TRANSIENT}.
 *   <li><b>Size.</b> {@link Builder#maxResponseBytes} (default 16 MiB) bounds the body: never more
 *       is buffered. A body that grows past it is cut off and its connection closed; of a body
 *       whose {@code Content-Length} is above it, only the first kibibyte is read, for the message.
 *       The status has arrived in full, so it decides: a 2xx answer to a write is {@code
 *       OUTCOME_UNKNOWN}, because the server says it applied the write and only its answer is
 *       unusable (a failure would roll back a write the server has; the store resends with the same
 *       idempotency key or asks the server for the entity); a 2xx answer to a fetch is {@code
 *       BAD_RESPONSE}, because fetching again would bring the same body; any other status keeps its
 *       usual kind, with the start of the body in the message, and a 409 or 412 carries no server
 *       entity (the store fetches it).
 *   <li><b>Ids.</b> An id whose path segment ({@link Builder#idSegment}'s result, before encoding)
 *       would not address one entity under the collection is refused before anything is sent, with
 *       a {@code REJECTED} failure of status 0 that names entity, id and the fix: the empty
 *       segment, {@code .} and {@code ..} (which URL normalisation removes or resolves to the
 *       parent: {@code DELETE /tasks/..} means {@code DELETE /}), the same after Unicode NFKC
 *       normalisation (which turns {@code ．} and {@code ‥} into {@code .} and {@code ..}), and
 *       segments with an empty, {@code .} or {@code ..} part between {@code /} or {@code \} (sent
 *       as {@code %2F} and {@code %5C}, which some servers and proxies decode before they normalise
 *       the path).
 * </ul>
 *
 * <p><b>Threads.</b> Answers are handled on the HTTP client's threads. A deadline that passes is
 * handled on the client's executor where it has one, otherwise on a shared pool of daemon threads;
 * never on the timer thread that watches the deadlines of every remote.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class HttpRemote<K, E> implements Remote<K, E> {

  private static final int MAX_BODY_IN_MESSAGE = 300;

  /** The default of {@link Builder#maxResponseBytes}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** Watches the deadlines of every remote; runs nothing but hand-offs. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

  /** Where a passed deadline is handled when the client has no executor of its own. */
  private static final ExecutorService EXPIRED =
      Executors.newCachedThreadPool(daemon("synced-http-deadline-"));

  private final String collection;
  private final String path;
  private final JsonCodec<E> codec;
  private final EntityType<?, E> type;
  private final ObjectMapper mapper;
  private final Function<? super K, String> idSegment;
  private final HttpClient client;
  private final Executor expiredOn;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
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
    this.maxResponseBytes = b.maxResponseBytes;
    this.clock = b.clock;
    this.client =
        b.client != null
            ? b.client
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .build();
    this.expiredOn = client.executor().orElse(EXPIRED);
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
      call = new Call("GET", path + "/" + segment(id, "GET"), id, false);
    } catch (RuntimeException e) { // an id without a path segment: the stage fails, as always
      return CompletableFuture.failedFuture(e);
    }
    return exchange(
        request(call).GET().build(),
        call,
        answer -> {
          if (answer.status() == 404) {
            return Optional.empty();
          }
          requireSuccess(answer, call);
          if (isBlank(answer.body())) {
            throw new BadServerDataException(
                type.name(), id, null, "GET answered " + answer.status() + " with no body");
          }
          return Optional.of(readSameId(answer.body(), id));
        });
  }

  @Override
  public CompletionStage<List<E>> fetchAll() {
    Call call = new Call("GET", path, null, false);
    return exchange(
        request(call).GET().build(),
        call,
        answer -> {
          requireSuccess(answer, call);
          return JsonCodecs.readList(mapper, codec, answer.body());
        });
  }

  @Override
  public CompletionStage<Reply<E>> send(Write<K, E> write) {
    try {
      return sendWrite(write);
    } catch (RuntimeException e) { // a write that cannot be encoded or addressed: the stage fails
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
        call = new Call("PATCH", path + "/" + segment(write.id(), "PATCH"), write.id(), true);
        request =
            request(call)
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofByteArray(
                        JsonCodecs.writePatch(mapper, codec, write.patch())));
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
    if (write.baseVersion() != null) {
      request.header("If-Match", "\"" + write.baseVersion() + "\"");
    }
    return exchange(
        request.build(),
        call,
        answer -> {
          requireSuccess(answer, call);
          if (write.kind() == Write.Kind.DELETE || isBlank(answer.body())) {
            return Reply.empty(); // the store needs nothing back from a delete
          }
          return writeReply(answer.body(), write);
        });
  }

  /** What one request is, for messages and for classifying its failures. */
  private record Call(String method, String target, Object id, boolean write) {
    @Override
    public String toString() {
      return method + " " + target;
    }
  }

  /**
   * An answer as far as it was read: its status and headers, and its body, or the start of it where
   * the body was over the limit ({@code cut}).
   */
  @SuppressWarnings("ArrayRecordComponent") // read-only once made
  private record Answer(int status, HttpHeaders headers, byte[] body, boolean cut) {}

  /** Turns an answer into a value, or throws the failure it means. */
  private interface Interpreter<T> {
    T interpret(Answer answer);
  }

  private HttpRequest.Builder request(Call call) {
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
   * {@code null} if it does: see "Ids" in the class comment.
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

  private <T> CompletableFuture<T> exchange(
      HttpRequest request, Call call, Interpreter<T> interpreter) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicBoolean settled = new AtomicBoolean();
    LimitedBody.Watch watch = new LimitedBody.Watch();
    CompletableFuture<HttpResponse<Answer>> http;
    try {
      http = client.sendAsync(request, info -> watch.start(info, maxResponseBytes));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ScheduledFuture<?> deadline =
        DEADLINES.schedule(
            () ->
                expiredOn.execute(
                    () -> {
                      if (!settled.compareAndSet(false, true)) {
                        return;
                      }
                      watch.cancel();
                      http.cancel(true); // closes the connection, headers or body pending
                      result.completeExceptionally(deadlineFailure(call, watch.status()));
                    }),
            requestTimeout.toNanos(),
            TimeUnit.NANOSECONDS);
    var unused =
        http.whenComplete(
            (response, error) -> {
              deadline.cancel(false);
              if (!settled.compareAndSet(false, true)) {
                return; // the deadline has answered already
              }
              try {
                if (error != null) {
                  result.completeExceptionally(failureOf(unwrap(error), call));
                } else {
                  result.complete(interpreter.interpret(response.body()));
                }
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /** The failure a passed deadline means; {@code status} is 0 where no headers had arrived. */
  private Throwable deadlineFailure(Call call, int status) {
    String message =
        call
            + " got no complete answer within "
            + requestTimeout.toMillis()
            + " ms ("
            + (status == 0
                ? "no status line had arrived"
                : "status " + status + " had arrived, its body had not")
            + "); the deadline covers the whole exchange, body included"
            + " (HttpRemote.Builder.requestTimeout)";
    HttpTimeoutException cause = new HttpTimeoutException(message);
    return call.write()
        ? SyncFailure.outcomeUnknown(message, cause)
        : SyncFailure.transientFailure(0, message, null, cause);
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

  /** Returns if the answer is a 2xx that was read whole; throws the failure it means otherwise. */
  private void requireSuccess(Answer answer, Call call) {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      if (answer.cut()) {
        throw tooLarge(answer, call);
      }
      return;
    }
    String message =
        call
            + " answered "
            + status
            + bodyText(answer.body())
            + (answer.cut() ? " (body cut off at the size limit)" : "");
    if (status == 409 || status == 412) {
      throw SyncFailure.conflict(
          status, message, answer.cut() ? null : conflictState(answer.body(), call));
    }
    if (status == 429 || status >= 500) {
      throw SyncFailure.transientFailure(
          status, message, retryAfter(answer.headers(), clock), null);
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

  /** The failure of a 2xx answer whose body is over the limit; see "Size" in the class comment. */
  private SyncFailure tooLarge(Answer answer, Call call) {
    String problem =
        call
            + " answered "
            + answer.status()
            + " with a body over the limit of "
            + maxResponseBytes
            + " bytes (HttpRemote.Builder.maxResponseBytes); it was not read beyond the limit";
    if (call.write()) {
      return SyncFailure.outcomeUnknown(
          type.name()
              + (call.id() == null ? "" : " '" + call.id() + "'")
              + ": "
              + problem
              + ". The server says it applied the write, so its outcome is left to the server's"
              + " state",
          null);
    }
    return new BadServerDataException(type.name(), call.id(), null, problem);
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
   * A create's or update's answer: the whole entity when the body names every synced field,
   * otherwise the fields it names, which must include the id for a create whose id the server
   * assigns. The store takes written fields the answer leaves out as written, and fetches a version
   * the answer does not give.
   */
  private Reply<E> writeReply(byte[] body, Write<K, E> write) {
    Object id = write.id();
    Patch<E> fields = JsonCodecs.readPatch(mapper, codec, body, id);
    if (fields.fields().containsAll(type.fields())) {
      return Reply.entity(
          write.kind() == Write.Kind.UPDATE
              ? readSameId(body, id)
              : JsonCodecs.readEntity(mapper, codec, body, id));
    }
    String idName = type.idField().fieldName();
    if (fields.fields().contains(type.idField())) {
      Object actual = fields.get(type.idField());
      if (id != null && !Objects.equals(actual, id)) {
        throw new BadServerDataException(
            type.name(), id, idName, "the server answered with the entity of id '" + actual + "'");
      }
    } else if (write.kind() == Write.Kind.CREATE && id == null) {
      throw new BadServerDataException(
          type.name(),
          null,
          idName,
          "the answer to a create names some fields but not the id the server assigned");
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

  private static ScheduledThreadPoolExecutor deadlineTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("synced-http-deadlines-"));
    timer.setRemoveOnCancelPolicy(true); // answered exchanges leave nothing behind
    return timer;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Reads an answer's body into memory up to a limit, and never more: a body that grows past the
   * limit is cut off (its subscription cancelled, which closes the connection) keeping only its
   * start for messages; where the declared {@code Content-Length} is over the limit, only that
   * start is read.
   */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<Answer> {

    /** How much of a body that is over the limit is kept, for the failure's message. */
    private static final int KEPT_OF_CUT = 1024;

    /** Ties one exchange's body, once its headers arrive, to its deadline. */
    static final class Watch {
      private volatile LimitedBody body;

      LimitedBody start(HttpResponse.ResponseInfo info, long limit) {
        LimitedBody b = new LimitedBody(info, limit);
        body = b;
        return b;
      }

      /** The status received, or 0 if no headers have arrived. */
      int status() {
        LimitedBody b = body;
        return b == null ? 0 : b.info.statusCode();
      }

      void cancel() {
        LimitedBody b = body;
        if (b != null) {
          b.cancel();
        }
      }
    }

    private final HttpResponse.ResponseInfo info;

    /** Where reading stops: the limit, or the kept start where the declared length is over it. */
    private final long stopAt;

    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private byte[] bytes;
    private int size;
    private boolean done;

    private LimitedBody(HttpResponse.ResponseInfo info, long limit) {
      this.info = info;
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      this.stopAt = declared > limit ? Math.min(limit, KEPT_OF_CUT) : limit;
      this.bytes = new byte[(int) Math.min(Math.max(declared, 0), Math.min(stopAt, 64 * 1024))];
    }

    @Override
    public CompletionStage<Answer> getBody() {
      return answer;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (done) {
        return;
      }
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if ((long) size + n > stopAt) {
          int room = (int) Math.min(n, Math.max(0, Math.min(KEPT_OF_CUT, stopAt) - size));
          if (room > 0) {
            grow(size + room);
            item.get(bytes, size, room);
            size += room;
          }
          cut();
          return;
        }
        grow(size + n);
        item.get(bytes, size, n);
        size += n;
      }
    }

    @Override
    public void onError(Throwable error) {
      done = true;
      answer.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      if (!done) {
        done = true;
        answer.complete(
            new Answer(info.statusCode(), info.headers(), Arrays.copyOf(bytes, size), false));
      }
    }

    private void grow(int needed) {
      if (needed > bytes.length) {
        long doubled = Math.max(needed, Math.min(stopAt, 2L * bytes.length + 1024));
        bytes = Arrays.copyOf(bytes, (int) doubled);
      }
    }

    private void cut() {
      done = true;
      subscription.cancel();
      answer.complete(
          new Answer(
              info.statusCode(),
              info.headers(),
              Arrays.copyOf(bytes, Math.min(size, KEPT_OF_CUT)),
              true));
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
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
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
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
     * The deadline of one whole exchange: from handing the request to the HTTP client, connecting
     * included, until the last byte of the answer's body. When it passes, the connection is closed
     * and the stage fails: a write with {@code OUTCOME_UNKNOWN} (the server may have applied it), a
     * fetch with {@code TRANSIENT}. A server that sends its headers and then trickles the body
     * cannot hold a mutation past it. Default: 10 s.
     */
    public Builder<K, E> requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * The largest answer body read, in bytes: no more is ever buffered. A 2xx answer over it fails
     * a write with {@code OUTCOME_UNKNOWN} (the server says it applied the write) and a fetch with
     * a {@link BadServerDataException}; other statuses keep their kind. See "Size" in the class
     * comment. Default: {@link #DEFAULT_MAX_RESPONSE_BYTES} (16 MiB); at most {@code
     * Integer.MAX_VALUE - 8}.
     */
    public Builder<K, E> maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be within 1.."
                + (Integer.MAX_VALUE - 8)
                + ", was "
                + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
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
