package io.github.synced.example.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.synced.example.server.FaultPlan.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An embedded REST server of one entity collection with fault injection: a real server on a
 * loopback port (the JDK's {@code com.sun.net.httpserver}) that keeps its entities as JSON objects
 * (Jackson's tree model) and shares no class with the client. Its {@link Personality} says what the
 * entities look like and how the server answers; everything else is common to every personality:
 *
 * <table>
 *   <caption>The API</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET {path}}</td><td>200, every entity in creation order: a JSON array, or
 *       pages of it, as the personality's {@link Personality.Listing} says</td></tr>
 *   <tr><td>{@code GET {path}/{id}}</td><td>200 with the entity; 404</td></tr>
 *   <tr><td>{@code POST {path}} with the required properties</td>
 *       <td>the personality's create answer, with {@code Location}; the entity gets a new id (or
 *       the client's, where the personality keeps client ids)</td></tr>
 *   <tr><td>{@code PATCH {path}/{id}} with any properties</td>
 *       <td>the personality's update answer; only the properties present change</td></tr>
 *   <tr><td>{@code DELETE {path}/{id}}</td><td>the personality's delete answer</td></tr>
 * </table>
 *
 * <p>Every write increases a server-wide counter; where the shape has a version property, the
 * written entity's version is that counter. Unknown properties, wrong types, a {@code null} where a
 * string is required, malformed JSON: 400 with {@code {"error": "..."}}. A body's id must match the
 * path's; a version in a body is ignored. Unknown paths and ids: 404; other methods: 405.
 *
 * <p><b>Preconditions.</b> Per {@link Personality#ifMatch()}: {@code If-Match} ({@code "7"}, {@code
 * W/"7"}, {@code *}, or a list) that does not match the entity's version answers 412 with the
 * current entity; where it is required, a {@code PATCH} or {@code DELETE} without it answers 428.
 *
 * <p><b>Idempotency.</b> A write with an {@code Idempotency-Key} that was already applied is not
 * applied again: the recorded answer is sent again, with {@code Idempotent-Replayed: true}. Only
 * applied writes (2xx) are recorded, so a write refused with 4xx or an injected error may be
 * retried under its key. A key reused for another method or path answers 422, and, where {@link
 * Personality#keyPerBody()}, for another body too.
 *
 * <p><b>Faults.</b> {@link Faults} are drawn for each request from the seed and the request's
 * identity: its method, its path, and how many requests with that method and path came before. A
 * request therefore meets the same fault in every run with one seed, whatever the order in which
 * requests for different entities arrive (the client sends one entity's writes in order). Scripted
 * faults ({@link #failNextWrite}, {@link #dropNextWriteResponse}, {@link #holdNextWriteResponse})
 * take the next write (POST, PATCH, DELETE) in the order scripted, before random ones. An injected
 * error is answered without applying anything; a dropped answer is committed first, then the
 * connection is closed without an answer. The second writer edits the shape's {@link
 * Shape#edited()} property of an entity picked at random.
 *
 * <p>Thread-safe. Listeners registered with {@link #onApplied} run under the server's lock in the
 * order writes are applied; they must be quick and must not wait for HTTP answers.
 */
public final class RestServer implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every answer on a
    // kept-alive connection waits ~40 ms for the client's delayed ACK. Read once, when the JDK
    // server's configuration is first loaded; a value the user set wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Personality personality;
  private final JsonAnswers json = new JsonAnswers();
  private final EntityStore store;
  private final FaultPlan plan;
  private final Routes routes;
  private final HttpServer http;
  private final ExecutorService handlers;
  private final ScheduledExecutorService timer;
  private final List<Consumer<? super ServedRequest>> requestListeners =
      new CopyOnWriteArrayList<>();

  private RestServer(InetSocketAddress address, Personality personality, long seed, Faults faults)
      throws IOException {
    this.personality = personality;
    BodyCheck bodies = new BodyCheck(personality.shape(), json.mapper());
    this.store = new EntityStore(personality.shape(), json, bodies, seed);
    this.handlers = Executors.newFixedThreadPool(4, daemon(personality.name() + "-server"));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(daemon(personality.name() + "-server-timer"));
    this.plan = new FaultPlan(seed, timer, store);
    this.routes =
        new Routes(
            personality,
            store,
            json,
            bodies,
            new Listings(personality, store, json, this::uri),
            seed);
    this.http = HttpServer.create(address, 0);
    http.setExecutor(handlers);
    http.createContext("/", this::handle);
    faults(faults);
    http.start();
  }

  /** Starts a server of {@code personality} on a free loopback port, drawing faults from seed. */
  public static RestServer start(Personality personality, long seed, Faults faults) {
    return start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), personality, seed, faults);
  }

  /** Starts a server of {@code personality} on {@code address}, drawing faults from seed. */
  public static RestServer start(
      InetSocketAddress address, Personality personality, long seed, Faults faults) {
    try {
      return new RestServer(
          address,
          Objects.requireNonNull(personality, "personality"),
          seed,
          Objects.requireNonNull(faults, "faults"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + personality + " server", e);
    }
  }

  /** How this server behaves. */
  public Personality personality() {
    return personality;
  }

  /**
   * The server's base URI, for example {@code http://127.0.0.1:53117}; the entities are under
   * {@link Personality#path()}.
   */
  public URI uri() {
    InetSocketAddress a = http.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  // ---------------------------------------------------------------- faults

  /** The random faults in force. */
  public Faults faults() {
    return plan.faults();
  }

  /**
   * Changes the random faults from the next request on; restarts the second writer's period. Once
   * this returns, the previous second writer edits nothing more.
   */
  public void faults(Faults faults) {
    plan.faults(Objects.requireNonNull(faults, "faults"));
  }

  /** The next write is answered with {@code status} and not applied. */
  public void failNextWrite(int status) {
    failNextWrite(status, null);
  }

  /**
   * The next write is answered with {@code status} and {@code Retry-After: <seconds>} (none if
   * {@code retryAfter} is {@code null}) and not applied.
   */
  public void failNextWrite(int status, Duration retryAfter) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected error status is 400..599, was " + status);
    }
    plan.script(new Decision(status, retryAfter, false, null));
  }

  /** The next write is committed and then gets no answer: its connection is closed. */
  public void dropNextWriteResponse() {
    plan.script(new Decision(0, null, true, null));
  }

  /** The next write is committed when it arrives and answered only when the handle is released. */
  public HeldResponse holdNextWriteResponse() {
    HeldResponse held = new HeldResponse();
    plan.script(new Decision(0, null, false, held));
    return held;
  }

  /**
   * The next read (GET) is answered with the state at its arrival, but only when the handle is
   * released: a slow refetch whose answer arrives after newer writes.
   */
  public HeldResponse holdNextReadResponse() {
    HeldResponse held = new HeldResponse();
    plan.scriptRead(new Decision(0, null, false, held));
    return held;
  }

  // ---------------------------------------------------------------- state

  /**
   * Adds an entity as the server's owner (not a client write): {@code properties} as a create would
   * send them; returns the entity with its new id.
   *
   * @throws IllegalArgumentException if a create with these properties would be refused
   */
  public ObjectNode add(ObjectNode properties) {
    return store.add(properties);
  }

  /**
   * A second writer sets the {@link Shape#edited() edited} property of entity {@code id} to {@code
   * value}, increasing its version, as another user would; returns the entity after the edit.
   *
   * @throws NoSuchElementException if there is no such entity
   */
  public ObjectNode editBehindClientsBack(String id, String value) {
    return store.editBehindClientsBack(id, value);
  }

  /**
   * A second writer writes {@code properties} (as a {@code PATCH} body would carry them; an id
   * among them is ignored) to entity {@code id}, increasing its version, as another user would;
   * returns the entity after the write.
   *
   * @throws NoSuchElementException if there is no such entity
   * @throws IllegalArgumentException if a {@code PATCH} with these properties would be refused
   */
  public ObjectNode writeBehindClientsBack(String id, ObjectNode properties) {
    return store.writeBehindClientsBack(id, Objects.requireNonNull(properties, "properties"));
  }

  /**
   * Deletes entity {@code id} as the server's owner (not a client write), as another user would.
   *
   * @throws NoSuchElementException if there is no such entity
   */
  public void removeBehindClientsBack(String id) {
    store.removeBehindClientsBack(id);
  }

  /** The entities as they are now, in creation order, by id (copies). */
  public Map<String, ObjectNode> snapshot() {
    return store.snapshot();
  }

  /** Every write applied so far, in order. */
  public List<ServerWrite> log() {
    return store.log();
  }

  /** The server-wide write counter: the number of writes applied so far. */
  public long sequence() {
    return store.sequence();
  }

  /** Calls {@code listener} with every write applied from now on; see the class comment. */
  public void onApplied(Consumer<? super ServerWrite> listener) {
    store.onApplied(listener);
  }

  /**
   * Calls {@code listener} on the handling thread with every request handled from now on, once its
   * answer's fate is decided (before any latency); it must be quick.
   */
  public void onRequest(Consumer<? super ServedRequest> listener) {
    requestListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops the server; held answers are never sent. */
  @Override
  public void close() {
    http.stop(0);
    timer.shutdownNow();
    handlers.shutdownNow();
  }

  // ---------------------------------------------------------------- HTTP

  private void handle(HttpExchange exchange) {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      boolean write = method.equals("POST") || method.equals("PATCH") || method.equals("DELETE");
      FaultPlan.Planned planned = plan.decide(method, exchange.getRequestURI().getRawPath(), write);
      Decision decision = planned.decision();
      long delayMs = planned.delayMs();
      String rawPath = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      Headers headers = exchange.getRequestHeaders();
      Response response =
          decision.error() != 0
              ? injected(decision.error(), decision.retryAfter())
              : routes.process(method, rawPath, query, headers, body);
      ServedRequest.Fate fate =
          decision.error() != 0
              ? ServedRequest.Fate.INJECTED
              : decision.drop()
                  ? ServedRequest.Fate.DROPPED
                  : decision.hold() != null
                      ? ServedRequest.Fate.HELD
                      : response.headers().containsKey(Routes.REPLAYED)
                          ? ServedRequest.Fate.REPLAYED
                          : ServedRequest.Fate.ANSWERED;
      ServedRequest served =
          new ServedRequest(
              method,
              query == null ? rawPath : rawPath + "?" + query,
              headers.getFirst("Idempotency-Key"),
              response.status(),
              fate);
      for (Consumer<? super ServedRequest> l : requestListeners) {
        l.accept(served);
      }
      if (decision.drop()) {
        exchange.close(); // committed, but no answer: the client cannot know the outcome
      } else if (decision.hold() != null) {
        decision.hold().arrive(() -> response.send(exchange));
      } else if (delayMs > 0) {
        var unused = timer.schedule(() -> response.send(exchange), delayMs, TimeUnit.MILLISECONDS);
      } else {
        response.send(exchange);
      }
    } catch (IOException | RuntimeException e) {
      json.error(500, "internal error: " + e).send(exchange);
    }
  }

  private Response injected(int status, Duration retryAfter) {
    Response r = json.error(status, "injected fault " + status);
    return retryAfter == null ? r : r.with("Retry-After", String.valueOf(retryAfter.toSeconds()));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
