package io.github.synced.runtime.http;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *       <td>2xx with the entity; {@code 404}, {@code 410} → empty</td></tr>
 *   <tr><td>{@link #list()}</td><td>{@code GET {path}}, then each next page</td>
 *       <td>2xx with the items where the {@link Dialect} says</td></tr>
 *   <tr><td>create</td><td>{@code POST {path}}, the fields of {@link Write#patch()}: every
 *       synced field but the version, and but the id where the server assigns it</td>
 *       <td>2xx with the created entity, or with some of its fields (then its id, where the server
 *       assigns it, and its version)</td></tr>
 *   <tr><td>update</td><td>{@code PATCH {path}/{id}}, exactly the patch's fields
 *       ({@code null} values written, absent fields left out)</td><td>2xx</td></tr>
 *   <tr><td>delete</td><td>{@code DELETE {path}/{id}}</td><td>2xx</td></tr>
 * </table>
 *
 * <p><b>Dialects.</b> Where the server puts things is a {@link Dialect} ({@link Builder#dialect}):
 * {@link Dialect#plainJson()} (the default: a JSON array, id and version in the body) or {@link
 * Dialect#springDataRest(String)} (HAL: {@code _embedded}, {@code _links}, {@code ETag}), or one
 * built from them. An answer is read as its object with what the dialect finds elsewhere put into
 * it before the codec reads it: the id from a link or, for a create, from {@code Location}; the
 * version from the {@code ETag} of a 2xx answer.
 *
 * <p><b>Lists.</b> {@link #list()} reads every page before it completes, one request after the
 * other, each with its own deadline; the store then decides from the whole list what was deleted. A
 * page without its array, a list longer than {@link Dialect.Builder#maxPages} pages, a next link
 * back to a page already read or to another origin fail the read with a {@link
 * BadServerDataException} and nothing is taken; where pages give the list's total and the pages
 * read do not add up to it, the list is read again (see {@link Dialect.Builder#total}). An item
 * with its version in its object is {@link Reply#entity}, one without (Spring Data REST's items)
 * {@link Reply#withoutVersion}: no request per item. {@link #fetchAll()} is {@link #list()} with
 * the version of each such item fetched.
 *
 * <p>Every write carries {@code Idempotency-Key: <write.idempotencyKey()>}, the same on every
 * attempt of one write, and, where {@link Write#baseVersion()} is not {@code null}, {@code
 * If-Match} in the dialect's form ({@code "<baseVersion>"} by default). A 2xx answer to a create or
 * update whose object names every synced field becomes {@link Reply#entity}; one that names only
 * some, such as {@code {"updatedAt": 8}} or a {@code 204} with an {@code ETag}, becomes {@link
 * Reply#partial} (for a create whose id the server assigns, it must hold the id, from its body,
 * link or {@code Location}); an answer the dialect finds nothing in (a {@code 204}, an empty body,
 * {@code {}}) becomes {@link Reply#empty()}, and so does any answer to a delete (its body is not
 * read). An answer whose id differs from the id written to (updates, fetches) is refused. Whether
 * the server deduplicates by key is the dialect's {@link #deduplicatesByKey()}.
 *
 * <table>
 *   <caption>Failures, as the store sees them</caption>
 *   <tr><th>answer</th><th>{@link SyncFailure.Kind}</th></tr>
 *   <tr><td>2xx</td><td>none: confirmed</td></tr>
 *   <tr><td>409, 412</td><td>{@code CONFLICT}, with the server's latest entity where the
 *       dialect's {@link Dialect.ConflictBody} takes the body for it; otherwise the body is an
 *       error message, quoted in the failure's message, and the store fetches the entity</td></tr>
 *   <tr><td>429, 503</td><td>{@code TRANSIENT}, with {@code Retry-After} (seconds or an HTTP
 *       date)</td></tr>
 *   <tr><td>other 5xx</td><td>{@code TRANSIENT} ({@code Retry-After} honoured if sent)</td></tr>
 *   <tr><td>408</td><td>{@code OUTCOME_UNKNOWN}</td></tr>
 *   <tr><td>404, 410</td><td>{@code NOT_FOUND}: the entity is not on the server</td></tr>
 *   <tr><td>other 4xx (and 1xx, 3xx)</td><td>{@code REJECTED}, with the status and the body's
 *       message ({@code message}, {@code error}, {@code detail} or {@code title} of a JSON error
 *       object) or text</td></tr>
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

  /** The default of {@link Builder#maxResponseBytes}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** Watches the deadlines of every remote; runs nothing but hand-offs. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

  /** Where a passed deadline is handled when the client has no executor of its own. */
  private static final ExecutorService EXPIRED =
      Executors.newCachedThreadPool(daemon("synced-http-deadline-"));

  private final String collection;
  private final String path;
  private final EntityType<?, E> type;
  private final Function<? super K, String> idSegment;
  private final Dialect dialect;
  private final Bodies<K, E> bodies;
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

    this.type = b.codec.type();
    this.idSegment = b.idSegment;
    this.dialect = b.dialect;
    this.bodies =
        new Bodies<>(
            b.codec, b.trees != null ? b.trees : defaultTrees(), b.dialect, b.idFromSegment);
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
   * TaskJson())}.
   */
  public static <K, E> Builder<K, E> builder(URI baseUri, String path, JsonCodec<E> codec) {
    return new Builder<>(baseUri, path, codec);
  }

  /** The dialect this remote speaks. */
  public Dialect dialect() {
    return dialect;
  }

  /** Whether the server deduplicates writes by key, as the {@link Dialect} says. */
  @Override
  public boolean deduplicatesByKey() {
    return dialect.deduplicatesByKey();
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
          if (answer.status() == 404 || answer.status() == 410) {
            return Optional.empty();
          }
          requireSuccess(answer, call);
          if (Failures.isBlank(answer.body())) {
            throw new BadServerDataException(
                type.name(), id, null, "GET answered " + answer.status() + " with no body");
          }
          Object o = bodies.object(answer.body(), id);
          bodies.identify(o, answer.headers(), false, id);
          bodies.versionFromTag(o, answer.headers());
          return Optional.of(readSameId(o, id, answer));
        });
  }

  /**
   * The whole collection, every entity with its version: {@link #list()}, and where the list gives
   * an item without its version (Spring Data REST), a {@link #fetch} of that item (one {@code GET}
   * each, up to {@value #FETCHES_AT_ONCE} at a time); an item gone by then is left out. Prefer
   * {@link #list()}, which the store's refetch uses and which never needs more than the pages.
   */
  @Override
  public CompletionStage<List<E>> fetchAll() {
    return list().thenCompose(this::withVersions);
  }

  /** How many items without a version {@link #fetchAll()} fetches at once. */
  static final int FETCHES_AT_ONCE = 8;

  private CompletableFuture<List<E>> withVersions(List<Reply<E>> items) {
    List<CompletableFuture<Optional<E>>> each = new ArrayList<>(items.size());
    CompletableFuture<Void> before = CompletableFuture.completedFuture(null);
    for (int i = 0; i < items.size(); i += FETCHES_AT_ONCE) {
      List<CompletableFuture<Optional<E>>> batch = new ArrayList<>();
      for (Reply<E> r : items.subList(i, Math.min(items.size(), i + FETCHES_AT_ONCE))) {
        E e = r.entity().orElseThrow();
        CompletableFuture<Optional<E>> one =
            r.versionKnown()
                ? before.thenApply(ignored -> Optional.of(e))
                : before.thenCompose(ignored -> fetch(idOf(e)).toCompletableFuture());
        batch.add(one);
      }
      each.addAll(batch);
      before = CompletableFuture.allOf(batch.toArray(new CompletableFuture<?>[0]));
    }
    return before.thenApply(
        done -> {
          List<E> all = new ArrayList<>(each.size());
          for (CompletableFuture<Optional<E>> f : each) {
            f.join().ifPresent(all::add);
          }
          return all;
        });
  }

  @SuppressWarnings("unchecked") // the codec's entity type is the remote's: its ids are K
  private K idOf(E entity) {
    return (K) type.id(entity);
  }

  /**
   * The collection as the {@link Dialect} lists it, every page read before the list is given (see
   * the class comment): items with their version in their object are {@link Reply#entity}, items
   * without it {@link Reply#withoutVersion}.
   */
  @Override
  public CompletionStage<List<Reply<E>>> list() {
    try {
      return new ListRead<>(dialect, bodies, type, URI.create(collection), this::page).read();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** One page of the list: a 2xx answer read whole, or the failure its status means. */
  private CompletableFuture<Answer> page(URI uri) {
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Call call = new Call("GET", target, null, false);
    return exchange(
        HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build(),
        call,
        answer -> {
          requireSuccess(answer, call);
          return answer;
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
    return exchange(
        request.build(),
        sent,
        answer -> {
          requireSuccess(answer, sent);
          if (write.kind() == Write.Kind.DELETE) {
            return Reply.empty(); // the store needs nothing back from a delete
          }
          return writeReply(answer, write);
        });
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
                  result.completeExceptionally(Failures.failureOf(Failures.unwrap(error), call));
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
        type.name()
            + (call.id() == null ? "" : " '" + call.id() + "'")
            + ": "
            + call
            + " answered "
            + status
            + (call.ifMatch() != null && (status == 412 || status == 409 || status == 428)
                ? " to If-Match: " + call.ifMatch()
                : "")
            + (answer.cut()
                ? Failures.bodyText(answer.body())
                : Failures.bodyText(message(answer.body())))
            + (answer.cut() ? " (body cut off at the size limit)" : "");
    if (status == 409 || status == 412) {
      E theirs = answer.cut() ? null : conflictState(answer.body(), call);
      throw SyncFailure.conflict(
          status,
          theirs != null || Failures.isBlank(answer.body())
              ? message
              : message + " (not the entity: the store reads the entity from the server)",
          theirs);
    }
    if (status == 429 || status >= 500) {
      throw SyncFailure.transientFailure(
          status, message, Failures.retryAfter(answer.headers(), clock), null);
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

  /**
   * The server's entity in a conflict answer, where the dialect takes its body for one and it is a
   * JSON object that names the id and carries a version in its body (a 409's or 412's {@code ETag}
   * may repeat the {@code If-Match} sent, so it is never read); {@code null} where the body is an
   * error message.
   */
  private E conflictState(byte[] body, Call call) {
    if (dialect.conflictBody() == Dialect.ConflictBody.MESSAGE
        || !new String(body, StandardCharsets.UTF_8).strip().startsWith("{")) {
      return null;
    }
    Object o = bodies.object(body, call.id());
    if (!bodies.identified(o)) {
      return null;
    }
    bodies.identify(o, null, false, call.id());
    if (type.hasVersion() && !bodies.hasVersion(o)) {
      return null;
    }
    return call.method().equals("POST") ? bodies.entity(o, null) : readSameId(o, call.id(), null);
  }

  /**
   * A create's or update's answer: the whole entity when the answer names every synced field (its
   * body, and the id and version the dialect reads from links and headers), otherwise the fields it
   * names, which must include the id for a create whose id the server assigns; nothing for an empty
   * answer that the dialect gets nothing from. The store takes written fields the answer leaves out
   * as written, and fetches a version the answer does not give.
   */
  private Reply<E> writeReply(Answer answer, Write<K, E> write) {
    Object id = write.id();
    boolean create = write.kind() == Write.Kind.CREATE;
    Object o = bodies.object(answer.body(), id);
    bodies.identify(o, answer.headers(), create, id);
    bodies.versionFromTag(o, answer.headers());
    if (bodies.isEmpty(o)) {
      return Reply.empty();
    }
    Patch<E> fields = bodies.patch(o, id);
    if (fields.fields().containsAll(type.fields())) {
      return Reply.entity(create ? bodies.entity(o, id) : readSameId(o, id, answer));
    }
    String idName = type.idField().fieldName();
    if (fields.fields().contains(type.idField())) {
      Object actual = fields.get(type.idField());
      if (id != null && !Objects.equals(actual, id)) {
        throw new BadServerDataException(
            type.name(), id, idName, "the server answered with the entity of id '" + actual + "'");
      }
    } else if (create && id == null && !fields.isEmpty()) {
      throw new BadServerDataException(
          type.name(),
          null,
          idName,
          "the answer to a create names some fields but not the id the server assigned"
              + (dialect.idFrom().linkPointer() == null
                  ? ""
                  : " (no link at \"" + dialect.idFrom().linkPointer() + "\")")
              + (dialect.createdIdFromLocation() ? " and has no Location header" : ""));
    }
    return fields.isEmpty() ? Reply.empty() : Reply.partial(fields);
  }

  /**
   * The entity of {@code o}, which must be {@code id}'s and have a version where the entity has
   * one; {@code answer} (null for a conflict's body) says where the version was looked for.
   */
  private E readSameId(Object o, Object id, Answer answer) {
    if (answer != null && type.hasVersion() && !bodies.hasVersion(o)) {
      String name = type.versionField().fieldName();
      throw new BadServerDataException(
          type.name(),
          id,
          name,
          dialect.versionFrom() == Dialect.VersionSource.ETAG
              ? "the version is missing: the answer has no ETag header (where the dialect reads"
                  + " versions from) and no '"
                  + name
                  + "' in its body"
              : "the version is missing: no '"
                  + name
                  + "' in the answer's body"
                  + (answer.headers().firstValue("ETag").isPresent()
                      ? "; it has an ETag header: read versions from it with"
                          + " Dialect.Builder.versionFrom(VersionSource.ETAG)"
                      : ""));
    }
    E entity = bodies.entity(o, id);
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
   * The text of an error body: its message where it is a JSON error object; see {@link
   * Bodies#message}.
   */
  private String message(byte[] body) {
    return bodies.message(body);
  }

  /**
   * Jackson 2 with a plain mapper where it is on the class path, otherwise Jackson 3: found by
   * making the mapper (no reflection), so the class of a Jackson that is not there is never loaded.
   */
  private static Trees<?> defaultTrees() {
    try {
      return new JacksonTrees(new com.fasterxml.jackson.databind.ObjectMapper());
    } catch (NoClassDefFoundError noJackson2) {
      try {
        return new Jackson3Trees(new tools.jackson.databind.ObjectMapper());
      } catch (NoClassDefFoundError noJackson3) {
        IllegalStateException e =
            new IllegalStateException(
                "HttpRemote reads and writes JSON through Jackson: put jackson-databind on the"
                    + " class path, 2.x (com.fasterxml.jackson.core) or 3.x (tools.jackson.core)",
                noJackson3);
        e.addSuppressed(noJackson2);
        throw e;
      }
    }
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
   * Configures an {@link HttpRemote}.
   *
   * @param <K> the id type
   * @param <E> the entity type
   */
  public static final class Builder<K, E> {
    private final URI baseUri;
    private final String path;
    private final JsonCodec<E> codec;
    private Trees<?> trees;
    private Function<? super K, String> idSegment = String::valueOf;
    private Function<String, ? extends K> idFromSegment;
    private Dialect dialect = Dialect.plainJson();
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
     * Reads and writes JSON through Jackson 2 with {@code mapper}: its parsers and generators (or,
     * where it reads and writes plain JSON, the codec's own byte reader and writer) and its JSON
     * trees. Default: Jackson 2 with a plain {@code new ObjectMapper()} where Jackson 2 is on the
     * class path, otherwise Jackson 3 (see {@link #jackson3}).
     */
    public Builder<K, E> mapper(com.fasterxml.jackson.databind.ObjectMapper mapper) {
      this.trees = new JacksonTrees(Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /**
     * Reads and writes JSON through Jackson 3 ({@code tools.jackson}) with {@code mapper}, as
     * {@link #mapper} does through Jackson 2; the same codec serves both. Needed only where both
     * Jacksons are on the class path, or to configure the mapper: with Jackson 3 alone, a remote
     * built without a mapper uses a plain Jackson 3 one.
     */
    public Builder<K, E> jackson3(tools.jackson.databind.ObjectMapper mapper) {
      this.trees = new Jackson3Trees(Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /** How an id becomes its path segment, before URL encoding. Default: {@code String.valueOf}. */
    public Builder<K, E> idSegment(Function<? super K, String> idSegment) {
      this.idSegment = Objects.requireNonNull(idSegment, "idSegment");
      return this;
    }

    /**
     * How the last path segment of a link or {@code Location} (percent-decoded) becomes an id,
     * where the {@link Dialect} reads ids from them: the inverse of {@link #idSegment}. Default:
     * the segment as a JSON number for a numeric id type, as a JSON string otherwise, read by the
     * codec (which parses a {@code UUID}, say); a function given here makes the id itself.
     */
    public Builder<K, E> idFromSegment(Function<String, ? extends K> idFromSegment) {
      this.idFromSegment = Objects.requireNonNull(idFromSegment, "idFromSegment");
      return this;
    }

    /**
     * Where the server puts lists, pages, ids and versions, and what its error bodies are: {@link
     * Dialect#plainJson()} (the default) or {@link Dialect#springDataRest(String)}, or one built
     * from them.
     */
    public Builder<K, E> dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
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
