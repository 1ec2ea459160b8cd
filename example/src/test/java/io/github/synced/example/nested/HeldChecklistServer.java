package io.github.synced.example.nested;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodecs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * A server that keeps one {@link Checklist} as JSON, as one behind HTTP would, and holds every
 * write until the test answers it: applied on an unchanged version ({@code If-Match}) or else 412,
 * applied whatever the version, refused, or timed out. Another writer changes the row and moves its
 * version on. It ignores idempotency keys.
 */
final class HeldChecklistServer implements Remote<String, Checklist> {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ChecklistJson JSON = new ChecklistJson();

  private byte[] row;
  final List<Write<String, Checklist>> writes = new ArrayList<>();
  private final List<CompletableFuture<Reply<Checklist>>> answers = new ArrayList<>();
  private int answered;

  /** A server with checklist {@code c1} of three subtasks, owned by {@code o1}, at version 1. */
  static HeldChecklistServer withChecklist() {
    HeldChecklistServer server = new HeldChecklistServer();
    Checklist c = new Checklist();
    c.id = "c1";
    c.title = "Move house";
    c.subtasks =
        new ArrayList<>(
            List.of(new Subtask("s1", "Pack"), new Subtask("s2", "Call"), new Subtask("s3", "Go")));
    c.owner = new Owner("o1", "Ann", "ann@example.com");
    c.version = 1;
    server.put(c);
    return server;
  }

  /**
   * As {@link #withChecklist}, with columns {@code todo: s5 'Plan'}, {@code doing: s6 'Build'},
   * {@code done: s7 'Ship'} in that order.
   */
  static HeldChecklistServer withColumns() {
    HeldChecklistServer server = withChecklist();
    Checklist c = server.row();
    c.columns = new LinkedHashMap<>();
    c.columns.put("todo", new Subtask("s5", "Plan"));
    c.columns.put("doing", new Subtask("s6", "Build"));
    c.columns.put("done", new Subtask("s7", "Ship"));
    server.put(c);
    return server;
  }

  /** A store of checklists with this server as its remote and {@code policy}, loaded from it. */
  SyncStore<String, Checklist> store(ConflictPolicy<Checklist> policy) {
    SyncStore<String, Checklist> store =
        SyncStore.of(ChecklistSync.TYPE)
            .remote(this)
            .conflicts(policy)
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(row()));
    return store;
  }

  @Override
  public boolean deduplicatesByKey() {
    return false;
  }

  Checklist row() {
    return JsonCodecs.readEntity(MAPPER, JSON, row, "c1");
  }

  void put(Checklist c) {
    row = JsonCodecs.writeEntity(MAPPER, JSON, c);
  }

  /** Another writer's change: the row changed and its version moved on. */
  void theyChange(UnaryOperator<Checklist> change) {
    Checklist c = change.apply(row());
    c.version++;
    put(c);
  }

  /** Write {@code i}'s body as the server reads it. */
  Checklist body(int i) {
    byte[] body = JsonCodecs.writePatch(MAPPER, JSON, writes.get(i).patch());
    return JsonCodecs.readPatch(MAPPER, JSON, body, "c1").applyTo(new Checklist());
  }

  /** Applies write {@code i} (if {@code checkVersion}, only on its base version); no answer. */
  boolean apply(int i, boolean checkVersion) {
    Write<String, Checklist> w = writes.get(i);
    Checklist now = row();
    if (checkVersion && !Objects.equals(w.baseVersion(), now.version)) {
      return false;
    }
    byte[] body = JsonCodecs.writePatch(MAPPER, JSON, w.patch());
    Checklist c = JsonCodecs.readPatch(MAPPER, JSON, body, "c1").applyTo(now);
    c.version++;
    put(c);
    return true;
  }

  /** If-Match: applies write {@code i} and answers with the row, or answers 412 with it. */
  void accept(int i) {
    if (apply(i, true)) {
      answers.get(i).complete(Reply.entity(row()));
    } else {
      answers.get(i).completeExceptionally(SyncFailure.conflict(412, "version moved on", row()));
    }
  }

  /** A server that does not check If-Match: applies write {@code i} and answers. */
  void acceptBlind(int i) {
    apply(i, false);
    answers.get(i).complete(Reply.entity(row()));
  }

  /** If-Match: applies write {@code i} and answers 204 (no body, no version), or 412. */
  void acceptEmpty(int i) {
    if (apply(i, true)) {
      answers.get(i).complete(Reply.empty());
    } else {
      answers.get(i).completeExceptionally(SyncFailure.conflict(412, "version moved on", row()));
    }
  }

  /** Answers write {@code i}, which {@link #apply} applied before, with 204. */
  void answerEmpty(int i) {
    answers.get(i).complete(Reply.empty());
  }

  void refuse(int i) {
    answers.get(i).completeExceptionally(SyncFailure.rejected(422, "refused"));
  }

  void timeOut(int i) {
    answers.get(i).completeExceptionally(SyncFailure.outcomeUnknown("timed out", null));
  }

  /** Whether a write waits for its answer, for tests that answer them in order. */
  boolean waiting() {
    return answered < writes.size();
  }

  /** Answers the oldest write not answered yet: refused, or as {@link #accept}. */
  void answerNext(boolean refuse) {
    int i = answered++;
    if (refuse) {
      refuse(i);
    } else {
      accept(i);
    }
  }

  @Override
  public CompletionStage<Reply<Checklist>> send(Write<String, Checklist> w) {
    writes.add(w);
    CompletableFuture<Reply<Checklist>> answer = new CompletableFuture<>();
    answers.add(answer);
    return answer;
  }

  /** While true, a read of one checklist fails as an I/O error would. */
  boolean failReads;

  @Override
  public CompletionStage<Optional<Checklist>> fetch(String id) {
    return failReads
        ? CompletableFuture.failedFuture(
            SyncFailure.transientFailure(503, "unavailable", null, null))
        : CompletableFuture.completedFuture(Optional.of(row()));
  }

  @Override
  public CompletionStage<List<Checklist>> fetchAll() {
    return CompletableFuture.completedFuture(List.of(row()));
  }
}
