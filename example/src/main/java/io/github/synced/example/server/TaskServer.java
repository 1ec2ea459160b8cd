package io.github.synced.example.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An embedded HTTP server of tasks, for the task-board example and for tests: a real server on a
 * loopback port (the JDK's {@code com.sun.net.httpserver}) with its own representation of tasks
 * ({@link ServerTask}, JSON through Jackson's tree model) that shares no class with the client.
 *
 * <table>
 *   <caption>The task API</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /tasks}</td><td>200, a JSON array of every task in creation order</td></tr>
 *   <tr><td>{@code GET /tasks/{id}}</td><td>200 with the task; 404</td></tr>
 *   <tr><td>{@code POST /tasks} with {@code title} (required), {@code done}</td>
 *       <td>201 with the task under a new id ({@code t1}, {@code t2}, ...); a client's {@code id}
 *       and {@code updatedAt} are ignored</td></tr>
 *   <tr><td>{@code PATCH /tasks/{id}} with any of {@code title}, {@code done}</td>
 *       <td>200 with the task; only the properties present change</td></tr>
 *   <tr><td>{@code DELETE /tasks/{id}}</td><td>204</td></tr>
 * </table>
 *
 * <p>A task is {@code {"id": "t1", "title": "...", "done": false, "updatedAt": 7}}. {@code
 * updatedAt} is the version: a server-wide counter that every write increases. Unknown properties,
 * wrong types, a {@code null} title, malformed JSON: 400 with {@code {"error": "..."}}. A body's
 * {@code id} must match the path's; {@code updatedAt} in a body is ignored. Unknown paths and ids:
 * 404; other methods: 405.
 *
 * <p><b>Preconditions.</b> {@code PATCH} and {@code DELETE} with {@code If-Match} ({@code "7"},
 * {@code W/"7"}, {@code *}, or a list) that does not match the task's {@code updatedAt} answer 412
 * with the current task as body.
 *
 * <p><b>Idempotency.</b> A write with an {@code Idempotency-Key} that was already applied is not
 * applied again: the recorded answer is sent again, with {@code Idempotent-Replayed: true}. Only
 * applied writes (2xx) are recorded, so a write refused with 4xx or an injected error may be
 * retried under its key. A key reused for another method or path answers 422.
 *
 * <p><b>Faults.</b> {@link Faults} are drawn from a {@code Random} seeded at start: every request
 * draws the same number of values, so one seed and one sequence of requests give one sequence of
 * faults. Scripted faults ({@link #failNextWrite}, {@link #dropNextWriteResponse}, {@link
 * #holdNextWriteResponse}) take the next write (POST, PATCH, DELETE) in the order scripted, before
 * random ones. An injected error is answered without applying anything; a dropped answer is
 * committed first, then the connection is closed without an answer.
 *
 * <p>Thread-safe. Listeners registered with {@link #onApplied} run under the server's lock in the
 * order writes are applied; they must be quick and must not wait for HTTP answers.
 */
public final class TaskServer implements AutoCloseable {

  /** The collection's path. */
  public static final String PATH = "/tasks";

  private static final String REPLAYED = "Idempotent-Replayed";

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every answer on a
    // kept-alive connection waits ~40 ms for the client's delayed ACK. Read once, when the JDK
    // server's configuration is first loaded; a value the user set wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpServer http;
  private final ExecutorService handlers;
  private final ScheduledExecutorService timer;
  private final List<Consumer<? super AppliedWrite>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super ServedRequest>> requestListeners =
      new CopyOnWriteArrayList<>();

  private final Object faultLock = new Object();
  private final Random random;
  private final Deque<Decision> script = new ArrayDeque<>();
  private final Deque<Decision> readScript = new ArrayDeque<>();
  private Faults faults = Faults.none();
  private ScheduledFuture<?> secondWriter;

  private final Object lock = new Object();
  private final Random writerRandom;
  private final Map<String, ServerTask> tasks = new LinkedHashMap<>();
  private final Map<String, Recorded> recorded = new HashMap<>();
  private final List<AppliedWrite> log = new ArrayList<>();
  private long version;
  private long lastId;
  private long secondWriterEdits;

  private TaskServer(InetSocketAddress address, long seed, Faults faults) throws IOException {
    this.random = new Random(seed);
    this.writerRandom = new Random(seed ^ 0x5DEECE66DL);
    this.handlers = Executors.newFixedThreadPool(4, daemon("task-server"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("task-server-timer"));
    this.http = HttpServer.create(address, 0);
    http.setExecutor(handlers);
    http.createContext("/", this::handle);
    faults(faults);
    http.start();
  }

  /** Starts a server on a free loopback port, drawing faults from {@code seed}. */
  public static TaskServer start(long seed, Faults faults) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), seed, faults);
  }

  /** Starts a server on {@code address}, drawing faults from {@code seed}. */
  public static TaskServer start(InetSocketAddress address, long seed, Faults faults) {
    try {
      return new TaskServer(address, seed, Objects.requireNonNull(faults, "faults"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the task server on " + address, e);
    }
  }

  /**
   * The server's base URI, for example {@code http://127.0.0.1:53117}; tasks are under {@link
   * #PATH}.
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

  /** Changes the random faults from the next request on; restarts the second writer's period. */
  public void faults(Faults faults) {
    Objects.requireNonNull(faults, "faults");
    synchronized (faultLock) {
      if (secondWriter != null) {
        secondWriter.cancel(false);
        secondWriter = null;
      }
      this.faults = faults;
      Duration every = faults.secondWriterEvery();
      if (every != null) {
        long ms = Math.max(1, every.toMillis());
        secondWriter =
            timer.scheduleAtFixedRate(this::secondWriterTick, ms, ms, TimeUnit.MILLISECONDS);
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

  /** Adds a task as the server's owner (not a client write); returns it. */
  public ServerTask addTask(String title, boolean done) {
    synchronized (lock) {
      ServerTask task = new ServerTask("t" + ++lastId, title, done, ++version);
      tasks.put(task.id(), task);
      applied(AppliedWrite.Kind.CREATE, task.id(), AppliedWrite.Writer.SERVER, null, task);
      return task;
    }
  }

  /**
   * A second writer sets the title of task {@code id}, increasing its version, as another user
   * would; returns the task after the edit.
   *
   * @throws NoSuchElementException if there is no such task
   */
  public ServerTask editBehindClientsBack(String id, String title) {
    Objects.requireNonNull(title, "title");
    synchronized (lock) {
      ServerTask task = tasks.get(id);
      if (task == null) {
        throw new NoSuchElementException("no task " + id);
      }
      ServerTask edited = new ServerTask(id, title, task.done(), ++version);
      tasks.put(id, edited);
      applied(AppliedWrite.Kind.UPDATE, id, AppliedWrite.Writer.SECOND_WRITER, null, edited);
      return edited;
    }
  }

  /** The tasks as they are now, in creation order, by id. */
  public Map<String, ServerTask> snapshot() {
    synchronized (lock) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }
  }

  /** Every write applied so far, in order. */
  public List<AppliedWrite> log() {
    synchronized (lock) {
      return List.copyOf(log);
    }
  }

  /** The latest version: the number of writes applied so far. */
  public long version() {
    synchronized (lock) {
      return version;
    }
  }

  /** Calls {@code listener} with every write applied from now on; see the class comment. */
  public void onApplied(Consumer<? super AppliedWrite> listener) {
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

  private void secondWriterTick() {
    synchronized (lock) {
      if (tasks.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>(tasks.keySet());
      String id = ids.get(writerRandom.nextInt(ids.size()));
      editBehindClientsBack(id, "Edited elsewhere #" + ++secondWriterEdits);
    }
  }

  private void applied(
      AppliedWrite.Kind kind, String id, AppliedWrite.Writer writer, String key, ServerTask after) {
    AppliedWrite entry = new AppliedWrite(version, kind, id, writer, key, after);
    log.add(entry);
    for (Consumer<? super AppliedWrite> l : listeners) {
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

  /** An applied write's answer, kept under its idempotency key. */
  private record Recorded(String method, String path, Response response) {}

  private void handle(HttpExchange exchange) {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      boolean write = method.equals("POST") || method.equals("PATCH") || method.equals("DELETE");
      long delayMs;
      Decision decision;
      synchronized (faultLock) {
        // always three draws per request, so the sequence depends only on the seed and requests
        double jitterDraw = random.nextDouble();
        double errorDraw = random.nextDouble();
        double dropDraw = random.nextDouble();
        delayMs = faults.latency().toMillis() + (long) (jitterDraw * faults.jitter().toMillis());
        Decision scripted = write ? script.poll() : readScript.poll();
        decision = scripted != null ? scripted : draw(write, errorDraw, dropDraw);
      }
      String path = exchange.getRequestURI().getRawPath();
      Headers headers = exchange.getRequestHeaders();
      Response response =
          decision.error() != 0
              ? injected(decision.error(), decision.retryAfter())
              : process(method, path, headers, body);
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
              method, path, headers.getFirst("Idempotency-Key"), response.status(), fate);
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

  private Response process(String method, String rawPath, Headers headers, byte[] body) {
    String id = null;
    if (!rawPath.equals(PATH)) {
      if (!rawPath.startsWith(PATH + "/") || rawPath.length() == PATH.length() + 1) {
        return error(404, "no resource at " + rawPath);
      }
      String segment = rawPath.substring(PATH.length() + 1);
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
          return r.response().with(REPLAYED, "true");
        }
      }
      Response response =
          switch (method + (id == null ? " collection" : " item")) {
            case "GET collection" -> list();
            case "GET item" -> get(id);
            case "POST collection" -> create(body, key);
            case "PATCH item" -> update(id, body, ifMatch, key);
            case "DELETE item" -> delete(id, ifMatch, key);
            default ->
                error(405, method + " is not allowed on " + rawPath)
                    .with("Allow", id == null ? "GET, POST" : "GET, PATCH, DELETE");
          };
      if (write && key != null && response.status() / 100 == 2) {
        recorded.put(key, new Recorded(method, rawPath, response));
      }
      return response;
    }
  }

  private Response list() {
    ArrayNode array = mapper.createArrayNode();
    tasks.values().forEach(t -> array.add(t.toJson(mapper)));
    return json(200, array);
  }

  private Response get(String id) {
    ServerTask task = tasks.get(id);
    return task == null ? error(404, "no task " + id) : json(200, task.toJson(mapper));
  }

  private Response create(byte[] body, String key) {
    JsonNode object;
    try {
      object = parseObject(body);
      check(object, null);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    }
    if (!object.has("title")) {
      return error(400, "title is required");
    }
    ServerTask task =
        new ServerTask(
            "t" + ++lastId,
            object.get("title").textValue(),
            object.has("done") && object.get("done").booleanValue(),
            ++version);
    tasks.put(task.id(), task);
    applied(AppliedWrite.Kind.CREATE, task.id(), AppliedWrite.Writer.CLIENT, key, task);
    return json(201, task.toJson(mapper)).with("Location", PATH + "/" + task.id());
  }

  private Response update(String id, byte[] body, String ifMatch, String key) {
    ServerTask task = tasks.get(id);
    if (task == null) {
      return error(404, "no task " + id);
    }
    JsonNode object;
    try {
      object = parseObject(body);
      check(object, id);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    }
    if (!matches(ifMatch, task)) {
      return json(412, task.toJson(mapper));
    }
    ServerTask updated =
        new ServerTask(
            id,
            object.has("title") ? object.get("title").textValue() : task.title(),
            object.has("done") ? object.get("done").booleanValue() : task.done(),
            ++version);
    tasks.put(id, updated);
    applied(AppliedWrite.Kind.UPDATE, id, AppliedWrite.Writer.CLIENT, key, updated);
    return json(200, updated.toJson(mapper));
  }

  private Response delete(String id, String ifMatch, String key) {
    ServerTask task = tasks.get(id);
    if (task == null) {
      return error(404, "no task " + id);
    }
    if (!matches(ifMatch, task)) {
      return json(412, task.toJson(mapper));
    }
    tasks.remove(id);
    ++version;
    applied(AppliedWrite.Kind.DELETE, id, AppliedWrite.Writer.CLIENT, key, null);
    return new Response(204, Map.of(), new byte[0]);
  }

  /** A request body the server refuses with 400. */
  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  private JsonNode parseObject(byte[] body) throws BadRequest {
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
    return node;
  }

  /** Checks every property of a task body; {@code pathId} is null for a create. */
  private static void check(JsonNode object, String pathId) throws BadRequest {
    for (Map.Entry<String, JsonNode> p : object.properties()) {
      JsonNode v = p.getValue();
      switch (p.getKey()) {
        case "id" -> {
          if (pathId == null ? !(v.isTextual() || v.isNull()) : !pathId.equals(v.textValue())) {
            throw new BadRequest(
                pathId == null
                    ? "id must be a string, was " + v
                    : "id " + v + " does not match the path's id \"" + pathId + "\"");
          }
        }
        case "title" -> {
          if (!v.isTextual()) {
            throw new BadRequest("title must be a string, was " + v);
          }
        }
        case "done" -> {
          if (!v.isBoolean()) {
            throw new BadRequest("done must be true or false, was " + v);
          }
        }
        case "updatedAt" -> {
          if (!(v.isIntegralNumber() || v.isNull())) {
            throw new BadRequest("updatedAt must be an integer, was " + v);
          }
        }
        default -> throw new BadRequest("unknown property \"" + p.getKey() + "\"");
      }
    }
  }

  /** Whether an {@code If-Match} header (absent: always) matches the task's version. */
  private static boolean matches(String ifMatch, ServerTask task) {
    if (ifMatch == null) {
      return true;
    }
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
      if (t.equals(String.valueOf(task.updatedAt()))) {
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
