package io.github.synced.runtime.http;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.PageReader;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * <p><b>Threads.</b> Responses are handled on the HTTP client's threads. A deadline that passes is
 * handled on the client's executor where it has one, otherwise on a shared pool of daemon threads;
 * never on the timer thread that watches the deadlines of every remote.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class HttpRemote<K, E> implements Remote<K, E> {

  /** The default of {@link Builder#maxResponseBytes}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final EntityType<?, E> type;
  private final Dialect dialect;
  private final Bodies<K, E> bodies;
  private final Requests<K, E> requests;
  private final Responses<K, E> responses;
  private final Exchanges exchanges;
  private final VersionFetches<K, E> versions;

  private HttpRemote(RemoteSettings<K, E> s) {
    this.type = s.codec.type();
    this.dialect = s.dialect;
    this.bodies = new Bodies<>(s.codec, s.trees(), s.dialect, s.idFromSegment);
    this.requests = new Requests<>(s.baseUri, s.path, type, s.idSegment, dialect, bodies);
    this.responses = new Responses<>(type, dialect, bodies, s.maxResponseBytes, s.clock);
    this.exchanges = new Exchanges(s.client(), s.requestTimeout, s.maxResponseBytes);
    this.versions = new VersionFetches<>(type, this::fetch);
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
      call = requests.fetch(id);
    } catch (RuntimeException e) { // an id without a path segment: the stage fails, as always
      return CompletableFuture.failedFuture(e);
    }
    return exchanges.exchange(
        requests.request(call).GET().build(), call, answer -> responses.fetched(answer, id, call));
  }

  /**
   * The whole collection, every entity with its version: {@link #list()}, and where the list gives
   * an item without its version (Spring Data REST), a {@link #fetch} of that item (one {@code GET}
   * each, up to {@value #FETCHES_AT_ONCE} at a time); an item gone by then is left out. Prefer
   * {@link #list()}, which the store's refetch uses and which never needs more than the pages.
   */
  @Override
  public CompletionStage<List<E>> fetchAll() {
    return list().thenCompose(versions::withVersions);
  }

  /** How many items without a version {@link #fetchAll()} fetches at once. */
  static final int FETCHES_AT_ONCE = 8;

  /**
   * The collection as the {@link Dialect} lists it, every page read before the list is given (see
   * the class comment): items with their version in their object are {@link Reply#entity}, items
   * without it {@link Reply#withoutVersion}.
   */
  @Override
  public CompletionStage<List<Reply<E>>> list() {
    try {
      return new ListRead<>(
              dialect,
              bodies,
              type,
              URI.create(requests.collection()),
              dialect.listQuery(),
              this::page)
          .read();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A {@link PageReader} for {@link io.github.synced.runtime.QueryType queries} over this
   * collection: {@code GET {path}?{list query}&{parameters}}, one page per read, the items and the
   * next page where the {@link Dialect} says (a next link in the body or the {@code Link} header, a
   * page number, a cursor), each item as {@link #list()} reads it. The query's parameters are the
   * names and values {@code parameters} gives, sorted by name, each value encoded: an enum by its
   * name, anything else by {@code toString}, a collection as the name repeated, an {@code Optional}
   * as its value; {@code null} and an empty {@code Optional} are left out; an array or a map is
   * refused. A page token is the next page's URL; a next link on another origin than the
   * collection's is not followed: the page that gives it is kept and reading the next one fails.
   *
   * <pre>{@code
   * QueryType<ByDone, Task> byDone =
   *     QueryType.builder("tasks by done", remote.pages((ByDone p) -> Map.of("done", p.done())))
   *         .build();
   * }</pre>
   */
  public <P> PageReader<P, E> pages(Function<? super P, ? extends Map<String, ?>> parameters) {
    return new QueryPages<>(
        dialect, bodies, type, URI.create(requests.collection()), parameters, this::page);
  }

  /** One page of the list: a 2xx answer read whole, or the failure its status means. */
  private CompletableFuture<Answer> page(URI uri) {
    Requests.Outgoing page = Requests.page(uri);
    return exchanges.exchange(
        page.request(),
        page.call(),
        answer -> {
          responses.requireSuccess(answer, page.call());
          return answer;
        });
  }

  @Override
  public CompletionStage<Reply<E>> send(Write<K, E> write) {
    try {
      Requests.Outgoing out = requests.write(write);
      return exchanges.exchange(
          out.request(), out.call(), answer -> responses.written(answer, write, out.call()));
    } catch (RuntimeException e) { // a write that cannot be encoded or addressed: the stage fails
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Configures an {@link HttpRemote}.
   *
   * @param <K> the id type
   * @param <E> the entity type
   */
  public static final class Builder<K, E> {
    private final RemoteSettings<K, E> settings;

    private Builder(URI baseUri, String path, JsonCodec<E> codec) {
      this.settings = new RemoteSettings<>(baseUri, path, codec);
    }

    /**
     * Reads and writes JSON through Jackson 2 with {@code mapper}: its parsers and generators (or,
     * where it reads and writes plain JSON, the codec's own byte reader and writer) and its JSON
     * trees. Default: Jackson 2 with a plain {@code new ObjectMapper()} where Jackson 2 is on the
     * class path, otherwise Jackson 3 (see {@link #jackson3}).
     */
    public Builder<K, E> mapper(com.fasterxml.jackson.databind.ObjectMapper mapper) {
      settings.trees = new JacksonTrees(Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /**
     * Reads and writes JSON through Jackson 3 ({@code tools.jackson}) with {@code mapper}, as
     * {@link #mapper} does through Jackson 2; the same codec serves both. Needed only where both
     * Jacksons are on the class path, or to configure the mapper: with Jackson 3 alone, a remote
     * built without a mapper uses a plain Jackson 3 one.
     */
    public Builder<K, E> jackson3(tools.jackson.databind.ObjectMapper mapper) {
      settings.trees = new Jackson3Trees(Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /** How an id becomes its path segment, before URL encoding. Default: {@code String.valueOf}. */
    public Builder<K, E> idSegment(Function<? super K, String> idSegment) {
      settings.idSegment = Objects.requireNonNull(idSegment, "idSegment");
      return this;
    }

    /**
     * How the last path segment of a link or {@code Location} (percent-decoded) becomes an id,
     * where the {@link Dialect} reads ids from them: the inverse of {@link #idSegment}. Default:
     * the segment as a JSON number for a numeric id type, as a JSON string otherwise, read by the
     * codec (which parses a {@code UUID}, say); a function given here makes the id itself.
     */
    public Builder<K, E> idFromSegment(Function<String, ? extends K> idFromSegment) {
      settings.idFromSegment = Objects.requireNonNull(idFromSegment, "idFromSegment");
      return this;
    }

    /**
     * Where the server puts lists, pages, ids and versions, and what its error bodies are: {@link
     * Dialect#plainJson()} (the default) or {@link Dialect#springDataRest(String)}, or one built
     * from them.
     */
    public Builder<K, E> dialect(Dialect dialect) {
      settings.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * The client to send with. Default: an HTTP/1.1 client made for this remote with {@link
     * #connectTimeout}.
     */
    public Builder<K, E> client(HttpClient client) {
      settings.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How long to wait for a connection; applies to the default client only. Default: 5 s. */
    public Builder<K, E> connectTimeout(Duration connectTimeout) {
      settings.connectTimeout = RemoteSettings.positive(connectTimeout, "connectTimeout");
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
      settings.requestTimeout = RemoteSettings.positive(requestTimeout, "requestTimeout");
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
      settings.maxResponseBytes = RemoteSettings.maxResponseBytes(maxResponseBytes);
      return this;
    }

    /** The clock that an HTTP-date {@code Retry-After} is measured against. Default: UTC. */
    public Builder<K, E> clock(Clock clock) {
      settings.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The remote. */
    public HttpRemote<K, E> build() {
      return new HttpRemote<>(settings);
    }
  }
}
