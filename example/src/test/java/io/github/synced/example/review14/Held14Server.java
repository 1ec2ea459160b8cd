package io.github.synced.example.review14;

import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A server of one {@link Doc14} that holds every write until the test answers it, and may hold
 * single reads ({@link #holdReads}) and list its rows without their version ({@link
 * #listWithoutVersion}). It ignores idempotency keys; {@link #apply} checks If-Match only if asked.
 */
final class Held14Server implements Remote<String, Doc14> {

  private Doc14 row;
  final List<Write<String, Doc14>> writes = new ArrayList<>();
  private final List<CompletableFuture<Reply<Doc14>>> answers = new ArrayList<>();
  private final List<CompletableFuture<Optional<Doc14>>> heldReads = new ArrayList<>();

  /** Single reads wait for {@link #answerReads}. */
  boolean holdReads;

  /** {@link #list} gives each row {@link Reply#withoutVersion}, as Spring Data REST does. */
  boolean listWithoutVersion;

  Held14Server() {
    Doc14 d = new Doc14();
    d.id = "d1";
    d.title = "A";
    d.note = "n";
    d.items = new ArrayList<>(List.of(new Item14("i1", "One"), new Item14("i2", "Two")));
    d.version = 1;
    row = d;
  }

  static Doc14 copy(Doc14 d) {
    Doc14 c = new Doc14();
    c.id = d.id;
    c.title = d.title;
    c.note = d.note;
    c.version = d.version;
    c.items = new ArrayList<>();
    if (d.items != null) {
      for (Item14 i : d.items) {
        c.items.add(new Item14(i.id, i.title));
      }
    }
    return c;
  }

  Doc14 row() {
    return copy(row);
  }

  /** Another writer's change: the row changed and its version moved on. */
  void theyChange(Consumer<Doc14> change) {
    Doc14 c = row();
    change.accept(c);
    c.version++;
    row = c;
  }

  /** Applies write {@code i} (if {@code checkVersion}, only on its base version); no answer. */
  boolean apply(int i, boolean checkVersion) {
    Write<String, Doc14> w = writes.get(i);
    if (checkVersion && w.baseVersion() != null && !w.baseVersion().equals(row.version)) {
      return false;
    }
    Doc14 c = copy(w.patch().applyTo(row()));
    c.version = row.version + 1;
    row = c;
    return true;
  }

  /** Answers write {@code i} with 204: no body, no version. */
  void answerEmpty(int i) {
    answers.get(i).complete(Reply.empty());
  }

  /** Answers write {@code i} with some fields and no version. */
  void answerFields(int i, io.github.synced.runtime.spi.Patch<Doc14> fields) {
    answers.get(i).complete(Reply.partial(fields));
  }

  /** Answers every held single read with the row as it is now. */
  void answerReads() {
    List<CompletableFuture<Optional<Doc14>>> now = List.copyOf(heldReads);
    heldReads.clear();
    for (CompletableFuture<Optional<Doc14>> r : now) {
      r.complete(Optional.of(row()));
    }
  }

  @Override
  public boolean deduplicatesByKey() {
    return false;
  }

  @Override
  public CompletionStage<Reply<Doc14>> send(Write<String, Doc14> w) {
    writes.add(w);
    CompletableFuture<Reply<Doc14>> answer = new CompletableFuture<>();
    answers.add(answer);
    return answer;
  }

  @Override
  public CompletionStage<Optional<Doc14>> fetch(String id) {
    if (holdReads) {
      CompletableFuture<Optional<Doc14>> r = new CompletableFuture<>();
      heldReads.add(r);
      return r;
    }
    return CompletableFuture.completedFuture(Optional.of(row()));
  }

  @Override
  public CompletionStage<List<Doc14>> fetchAll() {
    return CompletableFuture.completedFuture(List.of(row()));
  }

  @Override
  public CompletionStage<List<Reply<Doc14>>> list() {
    Doc14 r = row();
    return CompletableFuture.completedFuture(
        List.of(listWithoutVersion ? Reply.withoutVersion(r) : Reply.entity(r)));
  }
}
