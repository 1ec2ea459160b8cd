package io.github.synced.example;

import io.github.synced.example.server.Faults;
import io.github.synced.example.server.HeldResponse;
import io.github.synced.example.server.ServerSubtask;
import io.github.synced.example.server.ServerTask;
import io.github.synced.example.server.TaskServer;
import io.github.synced.runtime.EventLog;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.Scheduler;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The demo: a task board client against an embedded task server on loopback, playing a scripted
 * session in which each thing that goes wrong in real networks happens once, then a stretch of
 * random traffic under injected faults, and a final check that client and server agree.
 *
 * <p>Options (as {@code -Dexec.args="..."} with Maven): {@code --seed=N} (42), {@code --rounds=N}
 * random mutations after the script (40), {@code --error-rate=R} share of requests answered 500 or
 * 503 (0.1), {@code --drop-rate=R} share of writes committed but never answered (0.05), {@code
 * --latency-ms=N} (10, plus up to as much again of jitter), {@code --second-writer=R} share of the
 * random waves before which another writer edits a task behind the client's back (0.5), {@code
 * --quiet} (only the acts and the check), {@code --timeline=PATH} where the timeline picture goes
 * (the system property {@code synced.timeline}, which the example's POM sets to {@code
 * example/target/synced-timeline.svg}, else {@code target/synced-timeline.svg}).
 */
public final class Demo {

  static final Duration WAIT = Duration.ofSeconds(30);

  /** The demo's settings. */
  record Options(
      long seed,
      int rounds,
      double errorRate,
      double dropRate,
      long latencyMs,
      double secondWriter,
      boolean quiet,
      Path timeline) {

    static Options parse(String... args) {
      long seed = 42;
      int rounds = 40;
      double errorRate = 0.1;
      double dropRate = 0.05;
      long latencyMs = 10;
      double secondWriter = 0.5;
      boolean quiet = false;
      Path timeline = Path.of(System.getProperty("synced.timeline", "target/synced-timeline.svg"));
      for (String arg : args) {
        String[] kv = arg.split("=", 2);
        String v = kv.length == 2 ? kv[1] : "";
        switch (kv[0]) {
          case "--seed" -> seed = Long.parseLong(v);
          case "--rounds" -> rounds = Integer.parseInt(v);
          case "--error-rate" -> errorRate = Double.parseDouble(v);
          case "--drop-rate" -> dropRate = Double.parseDouble(v);
          case "--latency-ms" -> latencyMs = Long.parseLong(v);
          case "--second-writer" -> secondWriter = Double.parseDouble(v);
          case "--quiet" -> quiet = true;
          case "--timeline" -> timeline = Path.of(v);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + arg
                      + "; known: --seed=N --rounds=N --error-rate=R --drop-rate=R"
                      + " --latency-ms=N --second-writer=R --quiet --timeline=PATH");
        }
      }
      return new Options(
          seed, rounds, errorRate, dropRate, latencyMs, secondWriter, quiet, timeline);
    }
  }

  /** What a run showed: whether client and server agreed at the end, and the timeline. */
  record Outcome(boolean agreed, List<String> timeline) {}

  private final Options options;
  private final PrintStream out;
  private final List<String> timeline = new ArrayList<>();

  /** What the user left each local-only value at: by task id, and by "task id/subtask id". */
  private final Map<String, Boolean> expanded = new HashMap<>();

  private Instant origin;

  private Demo(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Runs the demo; exits with status 1 if client and server disagree at the end. */
  public static void main(String[] args) throws Exception {
    if (!run(Options.parse(args), System.out).agreed()) {
      System.exit(1);
    }
  }

  static Outcome run(Options options, PrintStream out) throws Exception {
    return new Demo(options, out).play();
  }

  private Outcome play() throws Exception {
    try (TaskServer server = TaskServer.start(options.seed(), Faults.none())) {
      RetryPolicy retry =
          RetryPolicy.defaults()
              .withMaxAttempts(3)
              .withBackoff(Duration.ofMillis(50), 2.0, Duration.ofSeconds(2))
              .withJitter(0.2, new SplittableRandom(options.seed())::nextDouble);
      Scheduler scheduler = Scheduler.system();
      TaskBoard board = new TaskBoard(server.uri(), Duration.ofSeconds(1), retry, scheduler);
      origin = scheduler.now();
      EventLog<String, Task> log = board.log();
      log.subscribe(e -> line(log.format(e, origin)));

      act("The board loads three tasks from the server");
      server.addTask("Buy milk", false);
      server.addTask("Write report", false);
      server.addTask("Call mom", false);
      await(board.refresh());

      act("Local-only UI state: t1 is expanded (never sent, never overwritten)");
      expand(board, "t1", true);

      act("A 500, retried until attempts run out, rolls back to the server's truth");
      for (int i = 0; i < 3; i++) {
        server.failNextWrite(500);
      }
      settle(board.updateTask("t1", p -> p.title("Buy oat milk").done(true)));
      show(board, "t1");

      act("A 503 with Retry-After: 1 is retried after the hinted second and confirmed");
      server.failNextWrite(503, Duration.ofSeconds(1));
      settle(board.updateTask("t1", p -> p.title("Buy oat milk")));
      show(board, "t1");

      act("A response dropped after the server committed: resent with the same idempotency key");
      server.dropNextWriteResponse();
      Mutation<String, Task> dropped = board.updateTask("t2", p -> p.done(true));
      settle(dropped);
      long applied =
          server.log().stream()
              .filter(w -> dropped.idempotencyKey().equals(w.idempotencyKey()))
              .count();
      note("the server applied the write " + applied + " time(s); the replay answered the retry");
      show(board, "t2");

      act("A conflict: someone renamed t3 behind our back; our 'done' merges with their title");
      server.editBehindClientsBack("t3", "Call mom tonight");
      settle(board.updateTask("t3", p -> p.done(true)));
      show(board, "t3");

      act("An out-of-order answer: a slow refetch returns older state after a newer confirm");
      HeldResponse slow = server.holdNextReadResponse();
      CompletableFuture<Void> refetch = board.refresh();
      slow.arrived().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      long staleVersion = server.snapshot().get("t2").updatedAt();
      settle(board.updateTask("t2", p -> p.title("Write the report")));
      slow.release();
      await(refetch);
      Task t2 = board.task("t2").orElseThrow();
      note(
          "the refetch carried t2 at updatedAt="
              + staleVersion
              + "; the board kept updatedAt="
              + t2.getUpdatedAt()
              + " \""
              + t2.getTitle()
              + "\"");

      act("Create under a draft id; an edit made before the server answers follows the new id");
      HeldResponse createAnswer = server.holdNextWriteResponse(); // the server is slow to answer
      Mutation<String, Task> created = board.addTask("Water the plants");
      String draftId = created.id();
      Mutation<String, Task> early = board.updateTask(draftId, p -> p.done(true));
      createAnswer.release();
      settle(created);
      settle(early);
      note(draftId + " became " + created.id());
      show(board, created.id());

      act("A delete the server refuses (403) brings the task back where it was");
      server.failNextWrite(403);
      settle(board.removeTask("t2"));
      note("board order: " + board.all().stream().map(Task::getId).toList());

      new DemoQueries(this::act, this::note).play(server, board);
      new DemoSubtasks(this).play(server, board);

      if (options.rounds() > 0) {
        new DemoTraffic(this, options).play(server, board);
      }

      act("Final check: client and server agree");
      server.faults(Faults.none());
      await(board.refresh());
      boolean agreed = agree(server, board);
      out.println(
          agreed
              ? "✔ client and server agree on "
                  + server.snapshot().size()
                  + " tasks, and every local-only value is as the user left it"
              : "✘ client and server disagree (see above)");
      Path picture = options.timeline().toAbsolutePath();
      Files.createDirectories(picture.getParent());
      Files.writeString(picture, log.timeline(origin));
      out.println("timeline picture (open in a browser): " + picture);
      return new Outcome(agreed, List.copyOf(timeline));
    }
  }

  private boolean agree(TaskServer server, TaskBoard board) {
    Map<String, ServerTask> truth = server.snapshot();
    List<Task> view = board.all();
    boolean agreed = view.size() == truth.size();
    for (Task t : view) {
      ServerTask s = truth.get(t.getId());
      boolean same =
          s != null
              && s.title().equals(t.getTitle())
              && s.done() == t.isDone()
              && s.updatedAt() == t.getUpdatedAt()
              && s.subtasks()
                  .equals(
                      t.getSubtasks().stream()
                          .map(st -> new ServerSubtask(st.getId(), st.getTitle(), st.isDone()))
                          .toList());
      boolean localKept = t.isExpanded() == expanded.getOrDefault(t.getId(), false);
      for (Subtask st : t.getSubtasks()) {
        String key = t.getId() + "/" + st.getId();
        localKept &= st.isExpanded() == expanded.getOrDefault(key, false);
      }
      if (!same || !localKept) {
        out.println("  differs: client " + t + ", server " + s);
        agreed = false;
      }
    }
    return agreed;
  }

  /** Expands or collapses a task, as the user would; the final check expects it so. */
  void expand(TaskBoard board, String id, boolean value) {
    board.setExpanded(id, value);
    expanded.put(id, value);
  }

  /** Expands or collapses a subtask, as the user would; the final check expects it so. */
  void expandSubtask(TaskBoard board, String id, String subtaskId, boolean value) {
    board.setSubtaskExpanded(id, subtaskId, value);
    expanded.put(id + "/" + subtaskId, value);
  }

  void act(String title) {
    String header = "── " + title;
    synchronized (timeline) {
      timeline.add(header);
    }
    out.println();
    out.println(header);
  }

  void note(String text) {
    line("          → " + text);
  }

  private void show(TaskBoard board, String id) {
    board.task(id).ifPresent(t -> note("board shows " + t));
  }

  private void line(String text) {
    synchronized (timeline) {
      timeline.add(text);
    }
    if (!options.quiet() || text.startsWith("          →")) {
      out.println(text);
    }
  }

  static void settle(Mutation<String, Task> m) throws Exception {
    m.result().handle((v, e) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static void await(CompletableFuture<?> f) throws Exception {
    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
