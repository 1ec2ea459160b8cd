package io.github.synced.example.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.synced.example.server.Personality.Answer;
import io.github.synced.example.server.Personality.IfMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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

  private static final String REPLAYED = "Idempotent-Replayed";

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every answer on a
    // kept-alive connection waits ~40 ms for the client's delayed ACK. Read once, when the JDK
    // server's configuration is first loaded; a value the user set wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Personality personality;
  private final Shape shape;
  private final String path;
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpServer http;
  private final ExecutorService handlers;
  private final ScheduledExecutorService timer;
  private final List<Consumer<? super ServerWrite>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super ServedRequest>> requestListeners =
      new CopyOnWriteArrayList<>();

  private final Object faultLock = new Object();
  private final long seed;

  /** How many times each method and path was requested, for the draws of the next such request. */
  private final Map<String, Integer> requested = new HashMap<>();

  private final Deque<Decision> script = new ArrayDeque<>();
  private final Deque<Decision> readScript = new ArrayDeque<>();
  private Faults faults = Faults.none();
  private ScheduledFuture<?> secondWriter;

  private final Object lock = new Object();
  private final Random writerRandom;
  private final Random answerRandom;
  private final Map<String, ObjectNode> entities = new LinkedHashMap<>();
  private final Map<String, Long> born = new HashMap<>();
  private final Map<String, Recorded> recorded = new HashMap<>();
  private final List<ServerWrite> log = new ArrayList<>();
  private long sequence;
  private long lastId;
  private long secondWriterEdits;
  private long writerGeneration;

  private RestServer(InetSocketAddress address, Personality personality, long seed, Faults faults)
      throws IOException {
    this.personality = personality;
    this.shape = personality.shape();
    this.path = personality.path();
    this.seed = seed;
    this.writerRandom = new Random(seed ^ 0x5DEECE66DL);
    this.answerRandom = new Random(seed ^ 0x2545F4914F6CDD1DL);
    this.handlers = Executors.newFixedThreadPool(4, daemon(personality.name() + "-server"));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(daemon(personality.name() + "-server-timer"));
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
    synchronized (faultLock) {
      return faults;
    }
  }

  /**
   * Changes the random faults from the next request on; restarts the second writer's period. Once
   * this returns, the previous second writer edits nothing more.
   */
  public void faults(Faults faults) {
    Objects.requireNonNull(faults, "faults");
    synchronized (faultLock) {
      if (secondWriter != null) {
        secondWriter.cancel(false);
        secondWriter = null;
      }
      this.faults = faults;
      long generation;
      synchronized (lock) {
        generation = ++writerGeneration; // a tick of the previous writer that is under way stops
      }
      Duration every = faults.secondWriterEvery();
      if (every != null) {
        long ms = Math.max(1, every.toMillis());
        secondWriter =
            timer.scheduleAtFixedRate(
                () -> secondWriterTick(generation), ms, ms, TimeUnit.MILLISECONDS);
      }
    }
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
    script(new Decision(status, retryAfter, false, null));
  }

  /** The next write is committed and then gets no answer: its connection is closed. */
  public void dropNextWriteResponse() {
    script(new Decision(0, null, true, null));
  }

  /** The next write is committed when it arrives and answered only when the handle is released. */
  public HeldResponse holdNextWriteResponse() {
    HeldResponse held = new HeldResponse();
    script(new Decision(0, null, false, held));
    return held;
  }

  /**
   * The next read (GET) is answered with the state at its arrival, but only when the handle is
   * released: a slow refetch whose answer arrives after newer writes.
   */
  public HeldResponse holdNextReadResponse() {
    HeldResponse held = new HeldResponse();
    synchronized (faultLock) {
      readScript.add(new Decision(0, null, false, held));
    }
    return held;
  }

  private void script(Decision d) {
    synchronized (faultLock) {
      script.add(d);
    }
  }

  // ---------------------------------------------------------------- state

  /**
   * Adds an entity as the server's owner (not a client write): {@code properties} as a create would
   * send them; returns the entity with its new id.
   *
   * @throws IllegalArgumentException if a create with these properties would be refused
   */
  public ObjectNode add(ObjectNode properties) {
    synchronized (lock) {
      ObjectNode object = properties.deepCopy();
      object.remove(Shape.ID);
      try {
        check(object, null);
        requireFields(object);
      } catch (BadRequest e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      ObjectNode entity = newEntity(newId(), object);
      applied(AppliedWrite.Kind.CREATE, id(entity), AppliedWrite.Writer.SERVER, null, entity);
      return entity.deepCopy();
    }
  }

  /**
   * A second writer sets the {@link Shape#edited() edited} property of entity {@code id} to {@code
   * value}, increasing its version, as another user would; returns the entity after the edit.
   *
   * @throws NoSuchElementException if there is no such entity
   */
  public ObjectNode editBehindClientsBack(String id, String value) {
    Objects.requireNonNull(value, "value");
    synchronized (lock) {
      ObjectNode entity = entities.get(id);
      if (entity == null) {
        throw new NoSuchElementException("no " + shape.entity() + " " + id);
      }
      ObjectNode edited = entity.deepCopy();
      edited.put(shape.edited(), value);
      written(edited);
      entities.put(id, edited);
      applied(AppliedWrite.Kind.UPDATE, id, AppliedWrite.Writer.SECOND_WRITER, null, edited);
      return edited.deepCopy();
    }
  }

  /**
   * Deletes entity {@code id} as the server's owner (not a client write), as another user would.
   *
   * @throws NoSuchElementException if there is no such entity
   */
  public void removeBehindClientsBack(String id) {
    synchronized (lock) {
      if (entities.remove(id) == null) {
        throw new NoSuchElementException("no " + shape.entity() + " " + id);
      }
      ++sequence;
      applied(AppliedWrite.Kind.DELETE, id, AppliedWrite.Writer.SERVER, null, null);
    }
  }

  /** The entities as they are now, in creation order, by id (copies). */
  public Map<String, ObjectNode> snapshot() {
    synchronized (lock) {
      Map<String, ObjectNode> copy = new LinkedHashMap<>();
      entities.forEach((id, e) -> copy.put(id, e.deepCopy()));
      return Collections.unmodifiableMap(copy);
    }
  }

  /** Every write applied so far, in order. */
  public List<ServerWrite> log() {
    synchronized (lock) {
      return List.copyOf(log);
    }
  }

  /** The server-wide write counter: the number of writes applied so far. */
  public long sequence() {
    synchronized (lock) {
      return sequence;
    }
  }

  /** Calls {@code listener} with every write applied from now on; see the class comment. */
  public void onApplied(Consumer<? super ServerWrite> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
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

  private void secondWriterTick(long generation) {
    synchronized (lock) {
      if (generation != writerGeneration || entities.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>(entities.keySet());
      String id = ids.get(writerRandom.nextInt(ids.size()));
      editBehindClientsBack(id, "Edited elsewhere #" + ++secondWriterEdits);
    }
  }

  private void applied(
      AppliedWrite.Kind kind, String id, AppliedWrite.Writer writer, String key, ObjectNode after) {
    ServerWrite entry =
        new ServerWrite(sequence, kind, id, writer, key, after == null ? null : after.deepCopy());
    log.add(entry);
    for (Consumer<? super ServerWrite> l : listeners) {
      l.accept(entry);
    }
  }

  // ---------------------------------------------------------------- HTTP

  /** How one request is treated: an injected error, a drop, a hold, or nothing (0/false/null). */
  private record Decision(int error, Duration retryAfter, boolean drop, HeldResponse hold) {}

  /** An answer. Its body array is never changed once made. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Response(int status, Map<String, String> headers, byte[] body) {
    Response with(String header, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(header, value);
      return new Response(status, h, body);
    }
  }

  /** An applied write's request and answer, kept under its idempotency key. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Recorded(String method, String path, byte[] body, Response response) {}

  private void handle(HttpExchange exchange) {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      boolean write = method.equals("POST") || method.equals("PATCH") || method.equals("DELETE");
      long delayMs;
      Decision decision;
      synchronized (faultLock) {
        // Drawn from the seed and the request's identity (its method, its path and how many such
        // requests came before), not from the order in which requests of different entities
        // arrive: one seed gives each request the same fate in every run.
        String identity = method + " " + exchange.getRequestURI().getRawPath();
        int nth = requested.merge(identity, 1, Integer::sum);
        SplittableRandom draws =
            new SplittableRandom(seed ^ ((identity.hashCode() * 31L + nth) * 0x9E3779B97F4A7C15L));
        double jitterDraw = draws.nextDouble();
        double errorDraw = draws.nextDouble();
        double dropDraw = draws.nextDouble();
        delayMs = faults.latency().toMillis() + (long) (jitterDraw * faults.jitter().toMillis());
        Decision scripted = write ? script.poll() : readScript.poll();
        decision = scripted != null ? scripted : draw(write, errorDraw, dropDraw);
      }
      String rawPath = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      Headers headers = exchange.getRequestHeaders();
      Response response =
          decision.error() != 0
              ? injected(decision.error(), decision.retryAfter())
              : process(method, rawPath, query, headers, body);
      ServedRequest.Fate fate =
          decision.error() != 0
              ? ServedRequest.Fate.INJECTED
              : decision.drop()
                  ? ServedRequest.Fate.DROPPED
                  : decision.hold() != null
                      ? ServedRequest.Fate.HELD
                      : response.headers().containsKey(REPLAYED)
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
        decision.hold().arrive(() -> send(exchange, response));
      } else if (delayMs > 0) {
        var unused = timer.schedule(() -> send(exchange, response), delayMs, TimeUnit.MILLISECONDS);
      } else {
        send(exchange, response);
      }
    } catch (IOException | RuntimeException e) {
      send(exchange, error(500, "internal error: " + e));
    }
  }

  private Decision draw(boolean write, double errorDraw, double dropDraw) {
    double sum = 0;
    for (Map.Entry<Integer, Double> rate : faults.errorRates().entrySet()) {
      sum += rate.getValue();
      if (errorDraw < sum) {
        int status = rate.getKey();
        boolean hinted = status == 429 || status == 503;
        return new Decision(status, hinted ? faults.retryAfter() : null, false, null);
      }
    }
    return new Decision(0, null, write && dropDraw < faults.dropRate(), null);
  }

  private Response injected(int status, Duration retryAfter) {
    Response r = error(status, "injected fault " + status);
    return retryAfter == null ? r : r.with("Retry-After", String.valueOf(retryAfter.toSeconds()));
  }

  private Response process(
      String method, String rawPath, String query, Headers headers, byte[] body) {
    String id = null;
    if (!rawPath.equals(path)) {
      if (!rawPath.startsWith(path + "/") || rawPath.length() == path.length() + 1) {
        return error(404, "no resource at " + rawPath);
      }
      String segment = rawPath.substring(path.length() + 1);
      if (segment.contains("/")) {
        return error(404, "no resource at " + rawPath);
      }
      id = URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
    String key = headers.getFirst("Idempotency-Key");
    String ifMatch = headers.getFirst("If-Match");
    boolean write = !method.equals("GET");
    synchronized (lock) {
      if (write && key != null) {
        Recorded r = recorded.get(key);
        if (r != null) {
          if (!r.method().equals(method) || !r.path().equals(rawPath)) {
            return error(
                422, "Idempotency-Key " + key + " was used for " + r.method() + " " + r.path());
          }
          if (personality.keyPerBody() && !Arrays.equals(r.body(), body)) {
            return error(
                422,
                "Idempotency-Key "
                    + key
                    + " was used with another body: "
                    + new String(r.body(), StandardCharsets.UTF_8));
          }
          return r.response().with(REPLAYED, "true");
        }
      }
      Response response =
          switch (method + (id == null ? " collection" : " item")) {
            case "GET collection" -> list(parameters(query));
            case "GET item" -> get(id);
            case "POST collection" -> create(body, key);
            case "PATCH item" -> update(id, body, ifMatch, key);
            case "DELETE item" -> delete(id, ifMatch, key);
            default ->
                error(405, method + " is not allowed on " + rawPath)
                    .with("Allow", id == null ? "GET, POST" : "GET, PATCH, DELETE");
          };
      if (write && key != null && response.status() / 100 == 2) {
        recorded.put(key, new Recorded(method, rawPath, body, response));
      }
      return response;
    }
  }

  private Response list(Map<String, String> query) {
    List<ObjectNode> all = new ArrayList<>(entities.values());
    return switch (personality.listing()) {
      case ARRAY -> json(200, array(all));
      case LINK_HEADER ->
          query.containsKey("_page") ? linkedPage(all, query) : json(200, array(all));
      case PAGES -> {
        int page = number(query, "page", 0);
        int size = number(query, "size", personality.pageSize());
        ObjectNode wrapper = mapper.createObjectNode();
        wrapper.set("items", array(slice(all, (long) page * size, size)));
        wrapper.put("page", page);
        wrapper.put("total", all.size());
        yield json(200, wrapper);
      }
      case CURSOR -> {
        long after = query.containsKey("after") ? number(query, "after", 0) : 0;
        int limit = number(query, "limit", personality.pageSize());
        List<ObjectNode> rest = new ArrayList<>();
        for (ObjectNode e : all) {
          if (born.get(id(e)) > after) {
            rest.add(e);
          }
        }
        List<ObjectNode> page = slice(rest, 0, limit);
        ObjectNode wrapper = mapper.createObjectNode();
        wrapper.set("items", array(page));
        if (rest.size() > limit) {
          wrapper.put("next", String.valueOf(born.get(id(page.get(page.size() - 1)))));
        } else {
          wrapper.putNull("next");
        }
        yield json(200, wrapper);
      }
    };
  }

  /** json-server's page: an array, with {@code X-Total-Count} and a {@code Link} header. */
  private Response linkedPage(List<ObjectNode> all, Map<String, String> query) {
    int page = Math.max(1, number(query, "_page", 1));
    int limit = number(query, "_limit", personality.pageSize());
    int last = Math.max(1, (all.size() + limit - 1) / limit);
    List<String> links = new ArrayList<>();
    links.add(link(1, limit, "first"));
    if (page > 1) {
      links.add(link(page - 1, limit, "prev"));
    }
    if (page < last) {
      links.add(link(page + 1, limit, "next"));
    }
    links.add(link(last, limit, "last"));
    return json(200, array(slice(all, (long) (page - 1) * limit, limit)))
        .with("X-Total-Count", String.valueOf(all.size()))
        .with("Link", String.join(", ", links));
  }

  private String link(int page, int limit, String rel) {
    return "<" + uri() + path + "?_page=" + page + "&_limit=" + limit + ">; rel=\"" + rel + "\"";
  }

  private ArrayNode array(List<ObjectNode> items) {
    ArrayNode array = mapper.createArrayNode();
    items.forEach(array::add);
    return array;
  }

  private static List<ObjectNode> slice(List<ObjectNode> all, long from, int size) {
    if (from >= all.size() || size < 1) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + size));
  }

  /** The query's parameters, decoded; the first value of each. */
  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  /** A non-negative integer parameter, or {@code absent} where it is missing or not one. */
  private static int number(Map<String, String> query, String name, int absent) {
    String v = query.get(name);
    if (v == null || v.isEmpty() || v.length() > 9 || !v.chars().allMatch(Character::isDigit)) {
      return absent;
    }
    return Integer.parseInt(v);
  }

  private Response get(String id) {
    ObjectNode entity = entities.get(id);
    return entity == null ? notFound(id) : json(200, entity);
  }

  private Response create(byte[] body, String key) {
    ObjectNode object;
    try {
      object = parseObject(body);
      check(object, null);
      requireFields(object);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    }
    String id;
    JsonNode sent = object.get(Shape.ID);
    if (personality.keepsClientIds() && sent != null && !sent.isNull()) {
      id = sent.asText();
      if (entities.containsKey(id)) {
        return error(409, "duplicate id " + id + ": a " + shape.entity() + " " + id + " exists");
      }
    } else {
      id = newId();
    }
    ObjectNode entity = newEntity(id, object);
    applied(AppliedWrite.Kind.CREATE, id, AppliedWrite.Writer.CLIENT, key, entity);
    Response answer =
        switch (personality.createAnswer()) {
          case ID_AND_VERSION -> json(201, idAndVersion(entity));
          default -> json(201, entity);
        };
    return answer.with("Location", path + "/" + id);
  }

  private Response update(String id, byte[] body, String ifMatch, String key) {
    ObjectNode entity = entities.get(id);
    if (entity == null) {
      return notFound(id);
    }
    ObjectNode object;
    try {
      object = parseObject(body);
      check(object, id);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    }
    Response refused = precondition(ifMatch, entity);
    if (refused != null) {
      return refused;
    }
    ObjectNode updated = entity.deepCopy();
    for (Shape.Field f : shape.fields()) {
      if (object.has(f.name())) {
        updated.set(f.name(), object.get(f.name()));
      }
    }
    written(updated);
    entities.put(id, updated);
    applied(AppliedWrite.Kind.UPDATE, id, AppliedWrite.Writer.CLIENT, key, updated);
    return answer(personality.updateAnswer(), updated);
  }

  private Response delete(String id, String ifMatch, String key) {
    ObjectNode entity = entities.get(id);
    if (entity == null) {
      return notFound(id);
    }
    Response refused = precondition(ifMatch, entity);
    if (refused != null) {
      return refused;
    }
    entities.remove(id);
    ++sequence;
    applied(AppliedWrite.Kind.DELETE, id, AppliedWrite.Writer.CLIENT, key, null);
    return answer(personality.deleteAnswer(), null);
  }

  /** The answer of {@code kind} to an applied update or delete of {@code entity}. */
  private Response answer(Answer kind, ObjectNode entity) {
    return switch (kind) {
      case ENTITY -> json(200, entity);
      case ID_AND_VERSION -> json(200, idAndVersion(entity));
      case VERSION -> json(200, mapper.createObjectNode().set(shape.version(), version(entity)));
      case NO_CONTENT -> new Response(204, Map.of(), new byte[0]);
      case VERSION_OR_NO_CONTENT ->
          answer(answerRandom.nextBoolean() ? Answer.VERSION : Answer.NO_CONTENT, entity);
      case EMPTY_OBJECT -> json(200, mapper.createObjectNode());
    };
  }

  private ObjectNode idAndVersion(ObjectNode entity) {
    ObjectNode answer = mapper.createObjectNode();
    answer.set(Shape.ID, entity.get(Shape.ID));
    answer.set(shape.version(), version(entity));
    return answer;
  }

  private JsonNode version(ObjectNode entity) {
    return entity.get(shape.version());
  }

  /** The refusal {@code If-Match} means for {@code entity} under this personality, or null. */
  private Response precondition(String ifMatch, ObjectNode entity) {
    if (personality.ifMatch() == IfMatch.IGNORED) {
      return null;
    }
    if (ifMatch == null) {
      return personality.ifMatch() == IfMatch.REQUIRED
          ? error(
              428,
              "If-Match is required: send the "
                  + shape.version()
                  + " you last saw, as in If-Match: \""
                  + version(entity).asText()
                  + "\"")
          : null;
    }
    return matches(ifMatch, version(entity).asText()) ? null : json(412, entity);
  }

  private String newId() {
    return switch (shape.ids()) {
      case PREFIXED -> shape.idPrefix() + ++lastId;
      case NUMERIC ->
          String.valueOf(entities.keySet().stream().mapToLong(Long::parseLong).max().orElse(0) + 1);
    };
  }

  /** A new entity of {@code id} from a checked create body; counts the write. */
  private ObjectNode newEntity(String id, ObjectNode object) {
    ObjectNode entity = mapper.createObjectNode();
    if (shape.ids() == Shape.Ids.NUMERIC) {
      entity.put(Shape.ID, Long.parseLong(id));
    } else {
      entity.put(Shape.ID, id);
    }
    for (Shape.Field f : shape.fields()) {
      JsonNode v = object.get(f.name());
      if (v != null) {
        entity.set(f.name(), v);
      } else if (f.type() == Shape.Type.BOOLEAN) {
        entity.put(f.name(), false);
      } else {
        entity.put(f.name(), 0);
      }
    }
    written(entity);
    entities.put(id, entity);
    born.put(id, sequence);
    return entity;
  }

  /** Counts a write of {@code entity} and stamps its version, where the shape has one. */
  private void written(ObjectNode entity) {
    ++sequence;
    if (shape.versioned()) {
      entity.put(shape.version(), sequence);
    }
  }

  private static String id(ObjectNode entity) {
    return entity.get(Shape.ID).asText();
  }

  private Response notFound(String id) {
    return error(404, "no " + shape.entity() + " " + id);
  }

  /** A request body the server refuses with 400. */
  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  private ObjectNode parseObject(byte[] body) throws BadRequest {
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequest("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw new BadRequest("expected a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Checks every property of a body; {@code pathId} is null for a create. */
  private void check(ObjectNode object, String pathId) throws BadRequest {
    for (Map.Entry<String, JsonNode> p : object.properties()) {
      String name = p.getKey();
      JsonNode v = p.getValue();
      if (name.equals(Shape.ID)) {
        checkId(v, pathId);
      } else if (name.equals(shape.version())) {
        if (!(v.isIntegralNumber() || v.isNull())) {
          throw new BadRequest(name + " must be an integer, was " + v);
        }
      } else {
        Shape.Field f = shape.field(name);
        if (f == null) {
          throw new BadRequest("unknown property \"" + name + "\"");
        }
        switch (f.type()) {
          case STRING -> {
            if (!v.isTextual()) {
              throw new BadRequest(name + " must be a string, was " + v);
            }
          }
          case BOOLEAN -> {
            if (!v.isBoolean()) {
              throw new BadRequest(name + " must be true or false, was " + v);
            }
          }
          case INTEGER -> {
            if (!v.isIntegralNumber()) {
              throw new BadRequest(name + " must be an integer, was " + v);
            }
          }
        }
      }
    }
  }

  private void checkId(JsonNode v, String pathId) throws BadRequest {
    boolean numeric = shape.ids() == Shape.Ids.NUMERIC;
    if (pathId == null) {
      if (!(v.isNull() || (numeric ? v.isIntegralNumber() : v.isTextual()))) {
        throw new BadRequest("id must be " + (numeric ? "an integer" : "a string") + ", was " + v);
      }
    } else if (!(numeric ? v.isIntegralNumber() : v.isTextual()) || !pathId.equals(v.asText())) {
      throw new BadRequest("id " + v + " does not match the path's id \"" + pathId + "\"");
    }
  }

  private void requireFields(ObjectNode object) throws BadRequest {
    for (Shape.Field f : shape.fields()) {
      if (f.required() && !object.has(f.name())) {
        throw new BadRequest(f.name() + " is required");
      }
    }
  }

  /** Whether an {@code If-Match} header matches the version {@code current}. */
  private static boolean matches(String ifMatch, String current) {
    for (String tag : ifMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      if (t.equals(current)) {
        return true;
      }
    }
    return false;
  }

  private Response json(int status, JsonNode node) {
    try {
      return new Response(status, Map.of(), mapper.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response error(int status, String message) {
    return json(status, mapper.createObjectNode().put("error", message));
  }

  private static void send(HttpExchange exchange, Response r) {
    try {
      r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      if (r.body().length > 0) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
      if (r.body().length > 0) {
        exchange.getResponseBody().write(r.body());
      }
    } catch (IOException clientGone) {
      // the client stopped waiting (for example it timed out on a held answer): nothing to do
    } finally {
      exchange.close();
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
