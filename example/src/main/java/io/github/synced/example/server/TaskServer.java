package io.github.synced.example.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An embedded HTTP server of tasks, for the task-board example and for tests: a {@link RestServer}
 * of {@link Shape#TASK tasks}, seen through its own typed representation ({@link ServerTask}) that
 * shares no class with the client. By default it has the {@link Personality#tasks()} personality;
 * {@link #start(Personality, long, Faults)} starts the other task-shaped ones ({@link
 * Personality#strictIfMatch()}, {@link Personality#versionOnly()}).
 *
 * <table>
 *   <caption>The task API</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /tasks}</td><td>200, a JSON array of every task in creation order</td></tr>
 *   <tr><td>{@code GET /tasks/{id}}</td><td>200 with the task; 404</td></tr>
 *   <tr><td>{@code POST /tasks} with {@code title} (required), {@code done}, {@code
 *       subtasks}</td>
 *       <td>201 with the task under a new id ({@code t1}, {@code t2}, ...); a client's {@code id}
 *       and {@code updatedAt} are ignored</td></tr>
 *   <tr><td>{@code PATCH /tasks/{id}} with any of {@code title}, {@code done}, {@code
 *       subtasks}</td>
 *       <td>200 with the task; only the properties present change, and {@code subtasks} is
 *       replaced whole</td></tr>
 *   <tr><td>{@code DELETE /tasks/{id}}</td><td>204</td></tr>
 * </table>
 *
 * <p>A task is {@code {"id": "t1", "title": "...", "done": false, "subtasks": [{"id": "s1",
 * "title": "...", "done": false}], "updatedAt": 7}}. {@code updatedAt} is the version: a
 * server-wide counter that every write increases. Unknown properties, wrong types, a {@code null}
 * title, malformed JSON, a subtask without its id or title or an id twice in one task: 400 with
 * {@code {"error": "..."}}. A subtask title longer than {@value Shape#MAX_SUBTASK_TITLE} characters
 * or blank: 422, nothing applied. {@code "subtasks": null} leaves none. A body's {@code id} must
 * match the path's; {@code updatedAt} in a body is ignored. Unknown paths and ids: 404; other
 * methods: 405.
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

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RestServer server;

  private TaskServer(RestServer server) {
    this.server = server;
  }

  /** Starts a server on a free loopback port, drawing faults from {@code seed}. */
  public static TaskServer start(long seed, Faults faults) {
    return start(Personality.tasks(), seed, faults);
  }

  /** Starts a server on {@code address}, drawing faults from {@code seed}. */
  public static TaskServer start(InetSocketAddress address, long seed, Faults faults) {
    return new TaskServer(RestServer.start(address, Personality.tasks(), seed, faults));
  }

  /**
   * Starts a server of a task-shaped {@code personality} on a free loopback port, drawing faults
   * from {@code seed}.
   *
   * @throws IllegalArgumentException if the personality's entities are not tasks under {@link
   *     #PATH}
   */
  public static TaskServer start(Personality personality, long seed, Faults faults) {
    if (!personality.shape().equals(Shape.TASK) || !personality.path().equals(PATH)) {
      throw new IllegalArgumentException(
          "a task server serves tasks under " + PATH + "; " + personality + " does not");
    }
    return new TaskServer(
        RestServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), personality, seed, faults));
  }

  /** The server underneath, with its entities as JSON. */
  public RestServer rest() {
    return server;
  }

  /**
   * The server's base URI, for example {@code http://127.0.0.1:53117}; tasks are under {@link
   * #PATH}.
   */
  public URI uri() {
    return server.uri();
  }

  // ---------------------------------------------------------------- faults

  /** The random faults in force. */
  public Faults faults() {
    return server.faults();
  }

  /** Changes the random faults from the next request on; restarts the second writer's period. */
  public void faults(Faults faults) {
    server.faults(faults);
  }

  /** The next write is answered with {@code status} and not applied. */
  public void failNextWrite(int status) {
    server.failNextWrite(status);
  }

  /**
   * The next write is answered with {@code status} and {@code Retry-After: <seconds>} (none if
   * {@code retryAfter} is {@code null}) and not applied.
   */
  public void failNextWrite(int status, Duration retryAfter) {
    server.failNextWrite(status, retryAfter);
  }

  /** The next write is committed and then gets no answer: its connection is closed. */
  public void dropNextWriteResponse() {
    server.dropNextWriteResponse();
  }

  /** The next write is committed when it arrives and answered only when the handle is released. */
  public HeldResponse holdNextWriteResponse() {
    return server.holdNextWriteResponse();
  }

  /**
   * The next read (GET) is answered with the state at its arrival, but only when the handle is
   * released: a slow refetch whose answer arrives after newer writes.
   */
  public HeldResponse holdNextReadResponse() {
    return server.holdNextReadResponse();
  }

  // ---------------------------------------------------------------- state

  /** Adds a task as the server's owner (not a client write); returns it. */
  public ServerTask addTask(String title, boolean done) {
    Objects.requireNonNull(title, "title");
    return task(server.add(MAPPER.createObjectNode().put("title", title).put("done", done)));
  }

  /**
   * Adds a task with {@code subtasks} as the server's owner (not a client write); returns it.
   *
   * @throws IllegalArgumentException if a create with these subtasks would be refused (an id twice,
   *     a title too long)
   */
  public ServerTask addTask(String title, boolean done, List<ServerSubtask> subtasks) {
    Objects.requireNonNull(title, "title");
    ObjectNode properties = MAPPER.createObjectNode().put("title", title).put("done", done);
    ArrayNode items = properties.putArray("subtasks");
    subtasks.forEach(st -> items.add(st.toJson(MAPPER)));
    return task(server.add(properties));
  }

  /**
   * A second writer sets the title of subtask {@code subtaskId} of task {@code id}, increasing the
   * task's version, as another user would; returns the task after the edit.
   *
   * @throws NoSuchElementException if there is no such task or subtask
   * @throws IllegalArgumentException if the server refuses the title
   */
  public ServerTask editSubtaskBehindClientsBack(String id, String subtaskId, String title) {
    Objects.requireNonNull(title, "title");
    ServerTask task = snapshot().get(id);
    if (task == null || task.subtask(subtaskId) == null) {
      throw new NoSuchElementException("no subtask " + subtaskId + " of task " + id);
    }
    ArrayNode items = MAPPER.createArrayNode();
    for (ServerSubtask st : task.subtasks()) {
      items.add(
          (st.id().equals(subtaskId) ? new ServerSubtask(st.id(), title, st.done()) : st)
              .toJson(MAPPER));
    }
    return task(
        server.writeBehindClientsBack(id, MAPPER.createObjectNode().set("subtasks", items)));
  }

  /**
   * A second writer sets the title of task {@code id}, increasing its version, as another user
   * would; returns the task after the edit.
   *
   * @throws NoSuchElementException if there is no such task
   */
  public ServerTask editBehindClientsBack(String id, String title) {
    return task(server.editBehindClientsBack(id, title));
  }

  /** The tasks as they are now, in creation order, by id. */
  public Map<String, ServerTask> snapshot() {
    Map<String, ServerTask> tasks = new LinkedHashMap<>();
    server.snapshot().forEach((id, t) -> tasks.put(id, task(t)));
    return Collections.unmodifiableMap(tasks);
  }

  /** Every write applied so far, in order. */
  public List<AppliedWrite> log() {
    return server.log().stream().map(TaskServer::applied).toList();
  }

  /** The latest version: the number of writes applied so far. */
  public long version() {
    return server.sequence();
  }

  /** Calls {@code listener} with every write applied from now on; see the class comment. */
  public void onApplied(Consumer<? super AppliedWrite> listener) {
    Objects.requireNonNull(listener, "listener");
    server.onApplied(w -> listener.accept(applied(w)));
  }

  /**
   * Calls {@code listener} on the handling thread with every request handled from now on, once its
   * answer's fate is decided (before any latency); it must be quick.
   */
  public void onRequest(Consumer<? super ServedRequest> listener) {
    server.onRequest(listener);
  }

  /** Stops the server; held answers are never sent. */
  @Override
  public void close() {
    server.close();
  }

  private static AppliedWrite applied(ServerWrite w) {
    return new AppliedWrite(
        w.sequence(),
        w.kind(),
        w.id(),
        w.writer(),
        w.idempotencyKey(),
        w.after() == null ? null : task(w.after()));
  }

  /** The task a server entity is. */
  static ServerTask task(ObjectNode t) {
    List<ServerSubtask> subtasks = new ArrayList<>();
    for (JsonNode st : t.get("subtasks")) {
      subtasks.add(
          new ServerSubtask(
              st.get("id").textValue(),
              st.get("title").textValue(),
              st.get("done").booleanValue()));
    }
    return new ServerTask(
        t.get("id").textValue(),
        t.get("title").textValue(),
        t.get("done").booleanValue(),
        t.get("updatedAt").longValue(),
        subtasks);
  }
}
