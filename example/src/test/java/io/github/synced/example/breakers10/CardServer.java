package io.github.synced.example.breakers10;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * An in-memory card server (Trello-like, with a version) whose writes wait until the test answers
 * them; it keeps its row as JSON bytes, as a real server would.
 */
final class CardServer implements Remote<String, Card> {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final CardJson JSON = new CardJson();

  byte[] row;
  final List<Write<String, Card>> writes = new ArrayList<>();
  final List<CompletableFuture<Reply<Card>>> answers = new ArrayList<>();

  static CardServer withCard() {
    CardServer server = new CardServer();
    Card c = new Card();
    c.id = "c1";
    c.name = "Launch";
    c.checkItems =
        new ArrayList<>(
            List.of(
                new CheckItem("ci1", "Write copy"),
                new CheckItem("ci2", "Design banner"),
                new CheckItem("ci3", "Ship")));
    c.assignee = new Member("m1", "Ann Lee", "ann");
    c.version = 1;
    server.put(c);
    return server;
  }

  SyncStore<String, Card> store() {
    return store(ConflictPolicy.serverWins());
  }

  SyncStore<String, Card> store(ConflictPolicy<Card> policy) {
    SyncStore<String, Card> store =
        SyncStore.of(CardSync.TYPE).remote(this).conflicts(policy).notifyOn(Runnable::run).build();
    store.load(List.of(row()));
    return store;
  }

  SyncStore<String, Card> parallelStore() {
    SyncStore<String, Card> store =
        SyncStore.of(CardSync.TYPE).remote(this).sendInParallel().notifyOn(Runnable::run).build();
    store.load(List.of(row()));
    return store;
  }

  @Override
  public boolean deduplicatesByKey() {
    return false;
  }

  Card row() {
    return JsonCodecs.readEntity(MAPPER, JSON, row, "c1");
  }

  void put(Card c) {
    row = JsonCodecs.writeEntity(MAPPER, JSON, c);
  }

  void theyChange(UnaryOperator<Card> change) {
    Card c = change.apply(row());
    c.version++;
    put(c);
  }

  /** Write i's body as the server reads it, applied to an empty card. */
  Card body(int i) {
    byte[] body = JsonCodecs.writePatch(MAPPER, JSON, writes.get(i).patch());
    return JsonCodecs.readPatch(MAPPER, JSON, body, "c1").applyTo(new Card());
  }

  String bodyText(int i) {
    return new String(
        JsonCodecs.writePatch(MAPPER, JSON, writes.get(i).patch()),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Applies write i when its base version is the row's, else answers 412 with the row. */
  void accept(int i) {
    accept(i, UnaryOperator.identity());
  }

  /** As accept, the server then changing what it stored (renumbering, reordering). */
  void accept(int i, UnaryOperator<Card> serverSide) {
    Write<String, Card> w = writes.get(i);
    Card now = row();
    if (!Objects.equals(w.baseVersion(), now.version)) {
      answers.get(i).completeExceptionally(SyncFailure.conflict(412, "version moved on", now));
      return;
    }
    byte[] body = JsonCodecs.writePatch(MAPPER, JSON, w.patch());
    Card c = serverSide.apply(JsonCodecs.readPatch(MAPPER, JSON, body, "c1").applyTo(now));
    c.version++;
    put(c);
    answers.get(i).complete(Reply.entity(row()));
  }

  /** Answers every write still open, in order, until none is left (at most 10 rounds). */
  void acceptAll() {
    for (int round = 0; round < 10; round++) {
      boolean any = false;
      for (int i = 0; i < answers.size(); i++) {
        if (!answers.get(i).isDone()) {
          accept(i);
          any = true;
        }
      }
      if (!any) {
        return;
      }
    }
  }

  void refuse(int i) {
    answers.get(i).completeExceptionally(SyncFailure.rejected(422, "refused by validation"));
  }

  @Override
  public CompletionStage<Reply<Card>> send(Write<String, Card> w) {
    writes.add(w);
    CompletableFuture<Reply<Card>> answer = new CompletableFuture<>();
    answers.add(answer);
    return answer;
  }

  @Override
  public CompletionStage<Optional<Card>> fetch(String id) {
    return CompletableFuture.completedFuture(Optional.of(row()));
  }

  @Override
  public CompletionStage<List<Card>> fetchAll() {
    return CompletableFuture.completedFuture(List.of(row()));
  }

  static CheckItem item(Card c, String id) {
    return c.checkItems.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  static List<String> ids(Card c) {
    return c.checkItems.stream().map(s -> s.id).toList();
  }
}
