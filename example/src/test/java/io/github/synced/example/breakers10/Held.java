package io.github.synced.example.breakers10;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/** One row kept as JSON; writes wait for the test; a versioned row answers 412 on a stale base. */
final class Held<K, E> implements Remote<K, E> {
  static final ObjectMapper MAPPER = new ObjectMapper();
  final JsonCodec<E> codec;
  final K id;
  final ToLongFunction<E> version;
  final ObjLongConsumer<E> setVersion;
  final java.util.function.Supplier<E> blank;
  byte[] row;
  final List<Write<K, E>> writes = new ArrayList<>();
  final List<CompletableFuture<Reply<E>>> answers = new ArrayList<>();

  Held(
      JsonCodec<E> codec,
      K id,
      E initial,
      ToLongFunction<E> version,
      ObjLongConsumer<E> setVersion,
      java.util.function.Supplier<E> blank) {
    this.codec = codec;
    this.id = id;
    this.version = version;
    this.setVersion = setVersion;
    this.blank = blank;
    put(initial);
  }

  @Override
  public boolean deduplicatesByKey() {
    return false;
  }

  E row() {
    return JsonCodecs.readEntity(MAPPER, codec, row, id);
  }

  void put(E e) {
    row = JsonCodecs.writeEntity(MAPPER, codec, e);
  }

  void theyChange(UnaryOperator<E> change) {
    E e = change.apply(row());
    setVersion.accept(e, version.applyAsLong(e) + 1);
    put(e);
  }

  E body(int i) {
    byte[] body = JsonCodecs.writePatch(MAPPER, codec, writes.get(i).patch());
    return JsonCodecs.readPatch(MAPPER, codec, body, id).applyTo(blank.get());
  }

  void accept(int i) {
    Write<K, E> w = writes.get(i);
    E now = row();
    if (!Objects.equals(w.baseVersion(), version.applyAsLong(now))) {
      answers.get(i).completeExceptionally(SyncFailure.conflict(412, "version moved on", now));
      return;
    }
    byte[] body = JsonCodecs.writePatch(MAPPER, codec, w.patch());
    E e = JsonCodecs.readPatch(MAPPER, codec, body, id).applyTo(now);
    setVersion.accept(e, version.applyAsLong(e) + 1);
    put(e);
    answers.get(i).complete(Reply.entity(row()));
  }

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
    answers.get(i).completeExceptionally(SyncFailure.rejected(422, "refused"));
  }

  @Override
  public CompletionStage<Reply<E>> send(Write<K, E> w) {
    writes.add(w);
    CompletableFuture<Reply<E>> a = new CompletableFuture<>();
    answers.add(a);
    return a;
  }

  @Override
  public CompletionStage<Optional<E>> fetch(K id) {
    return CompletableFuture.completedFuture(Optional.of(row()));
  }

  @Override
  public CompletionStage<List<E>> fetchAll() {
    return CompletableFuture.completedFuture(List.of(row()));
  }
}
