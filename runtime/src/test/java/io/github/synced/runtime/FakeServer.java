package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A scriptable reference server for Cards: it holds the truth (synced fields only), gives every
 * write a new version, deduplicates by idempotency key, checks the base version on demand, and
 * keeps every send waiting in a queue until the test answers it, in any order.
 */
final class FakeServer implements Remote<String, Card> {

  /** How a server answers a write it applied: the habits of real servers. */
  enum Shape {
    /** The whole entity. */
    WHOLE,
    /** The fields written (as the server stored them) and the version (a create: with the id). */
    PARTIAL,
    /** Only the new version (a create: the id and the version). */
    VERSION_ONLY,
    /** No body (204). */
    EMPTY
  }

  /** Whether the entity has a version the server reports; a server without versions does not. */
  boolean versioned = true;

  /** A send the server has received and not yet answered. */
  final class Call {
    final Write<String, Card> write;
    final CompletableFuture<Reply<Card>> answer = new CompletableFuture<>();
    boolean taken;

    Call(Write<String, Card> write) {
      this.write = write;
    }

    /** Applies the write (once per idempotency key) and answers with the whole entity. */
    Reply<Card> succeed() {
      return succeed(Shape.WHOLE);
    }

    /** Applies the write (once per idempotency key) and answers in the given shape. */
    Reply<Card> succeed(Shape shape) {
      Reply<Card> reply = shaped(apply(), shape);
      answer(reply);
      return reply;
    }

    /** The whole-entity answer {@code whole} as a server of another habit gives it. */
    private Reply<Card> shaped(Reply<Card> whole, Shape shape) {
      if (whole.entity().isEmpty()) {
        return whole;
      }
      Card c = whole.entity().get();
      boolean create = write.kind() == Write.Kind.CREATE;
      CardPatch p = create ? CardPatch.empty().id(c.id) : CardPatch.empty();
      return switch (shape) {
        case WHOLE -> whole;
        case PARTIAL -> {
          for (EntityField f : write.patch().fields()) {
            CardField cf = (CardField) f;
            p = p.with(cf, CardType.TYPE.get(c, cf));
          }
          yield Reply.partial(versioned ? p.version(c.version) : p);
        }
        case VERSION_ONLY -> Reply.partial(versioned ? p.version(c.version) : p);
        case EMPTY -> Reply.empty();
      };
    }

    /**
     * What a real server would do: a stale base version is a conflict carrying the server's state,
     * an update or delete of a missing entity is rejected, anything else succeeds.
     */
    void answerLikeServer() {
      SyncFailure refusal = null;
      synchronized (FakeServer.this) {
        if (!(deduplicates && applied.containsKey(write.idempotencyKey()))
            && write.kind() != Write.Kind.CREATE) {
          Card current = truth.get(write.id());
          if (current == null) {
            refusal = SyncFailure.notFound(404, "no such card " + write.id());
          } else if (write.baseVersion() != null && (Long) write.baseVersion() != current.version) {
            refusal = SyncFailure.conflict(412, "version moved", copy(current));
          }
        }
      }
      if (refusal != null) {
        fail(refusal);
      } else {
        succeed();
      }
    }

    /** Whether the server has applied this write's idempotency key already. */
    boolean alreadyApplied() {
      synchronized (FakeServer.this) {
        return deduplicates && applied.containsKey(write.idempotencyKey());
      }
    }

    /** Whether {@link #answerLikeServer()} would apply this write now. */
    boolean acceptable() {
      synchronized (FakeServer.this) {
        if ((deduplicates && applied.containsKey(write.idempotencyKey()))
            || write.kind() == Write.Kind.CREATE) {
          return true;
        }
        Card current = truth.get(write.id());
        return current != null
            && (write.baseVersion() == null || (Long) write.baseVersion() == current.version);
      }
    }

    /** Applies the write (once per key) without answering yet. */
    Reply<Card> applyOnly() {
      return apply();
    }

    /** Applies the write, then loses the answer: the client cannot know it took effect. */
    void applyAndDrop() {
      apply();
      fail(SyncFailure.outcomeUnknown("response dropped", null));
    }

    void fail(Throwable failure) {
      forget();
      answer.completeExceptionally(failure);
    }

    void answer(Reply<Card> reply) {
      forget();
      answer.complete(reply);
    }

    private void forget() {
      synchronized (FakeServer.this) {
        calls.remove(this);
      }
    }

    /** A conflict carrying the server's current state. */
    void conflict() {
      fail(SyncFailure.conflict(409, "changed", get(write.id())));
    }

    private Reply<Card> apply() {
      synchronized (FakeServer.this) {
        Reply<Card> done = applied.get(write.idempotencyKey());
        if (done != null && deduplicates) {
          return done;
        }
        applications.merge(write.idempotencyKey(), 1, Integer::sum);
        Reply<Card> reply;
        switch (write.kind()) {
          case CREATE -> {
            Card c = copy(write.entity());
            created++;
            c.id = write.id() != null ? write.id() : "srv-" + created; // keeps a client's id
            c.version = ++clock;
            truth.put(c.id, c);
            reply = Reply.entity(copy(c));
          }
          case UPDATE -> {
            Card c = truth.get(write.id());
            if (c == null) {
              throw new IllegalStateException("update of missing " + write.id());
            }
            write.patch().applyTo(c);
            c.version = ++clock;
            reply = Reply.entity(copy(c));
          }
          default -> {
            truth.remove(write.id());
            reply = Reply.empty();
          }
        }
        applied.put(write.idempotencyKey(), reply);
        log.add("applied " + write.kind() + " " + write.idempotencyKey() + " → " + reply);
        return reply;
      }
    }
  }

  final Map<String, Card> truth = new LinkedHashMap<>();
  final Map<String, Reply<Card>> applied = new HashMap<>();

  /** What happened on the server, for whoever reads a failure. */
  final List<String> log = new ArrayList<>();

  /** How many times each idempotency key's write was applied. */
  final Map<String, Integer> applications = new HashMap<>();

  /** Whether a repeated key is answered as the first time (else applied again, as SDR does). */
  boolean deduplicates = true;

  @Override
  public boolean deduplicatesByKey() {
    return deduplicates;
  }

  final List<Call> calls = new ArrayList<>();
  final List<Write<String, Card>> sent = new ArrayList<>();
  final List<CompletableFuture<Void>> heldFetches = new ArrayList<>();
  boolean holdFetches;

  /** A broken remote: {@link #fetch} completes with {@code null} instead of an Optional. */
  boolean fetchAnswersNull;

  long clock;
  int created;
  int fetches;

  /** Puts a card on the server as if another client wrote it; returns a copy. */
  synchronized Card put(String id, String title, boolean done) {
    Card c = new Card(id, title, done, ++clock);
    truth.put(id, c);
    return copy(c);
  }

  /** Another writer edits a card behind the client's back; returns a copy of the new state. */
  synchronized Card edit(String id, Consumer<Card> change) {
    Card c = truth.get(id);
    change.accept(c);
    c.version = ++clock;
    log.add("another writer: " + c);
    return copy(c);
  }

  synchronized Card get(String id) {
    return copy(truth.get(id));
  }

  synchronized List<Card> all() {
    return truth.values().stream().map(FakeServer::copy).toList();
  }

  /** The oldest unanswered call. */
  synchronized Call next() {
    if (calls.isEmpty()) {
      throw new AssertionError("no call is waiting");
    }
    return calls.get(0);
  }

  /** The oldest unanswered call that no other thread has taken, or {@code null}. */
  synchronized Call take() {
    for (Call c : calls) {
      if (!c.taken) {
        c.taken = true;
        return c;
      }
    }
    return null;
  }

  /** The unanswered call at {@code index}, oldest first. */
  synchronized Call call(int index) {
    return calls.get(index);
  }

  synchronized int waiting() {
    return calls.size();
  }

  @Override
  public CompletionStage<Reply<Card>> send(Write<String, Card> write) {
    Call c = new Call(write);
    synchronized (this) {
      sent.add(write);
      calls.add(c);
    }
    return c.answer;
  }

  @Override
  public CompletionStage<Optional<Card>> fetch(String id) {
    if (fetchAnswersNull) {
      return CompletableFuture.completedFuture(null);
    }
    return held(() -> Optional.ofNullable(truth.get(id)).map(FakeServer::copy));
  }

  @Override
  public CompletionStage<List<Card>> fetchAll() {
    return held(this::all);
  }

  /** Whether {@link #list()} gives items without their version, as Spring Data REST lists do. */
  boolean listWithoutVersions;

  @Override
  public CompletionStage<List<Reply<Card>>> list() {
    if (!listWithoutVersions) {
      return Remote.super.list();
    }
    return held(
        () ->
            all().stream()
                .map(
                    c -> {
                      c.version = 0; // not in the list
                      return Reply.withoutVersion(c);
                    })
                .toList());
  }

  /**
   * Answers a fetch now, or (when {@link #holdFetches}) takes the state now but delivers it only
   * when the test releases it: a slow fetch.
   */
  private synchronized <T> CompletionStage<T> held(java.util.function.Supplier<T> read) {
    fetches++;
    T value = read.get();
    if (!holdFetches) {
      return CompletableFuture.completedFuture(value);
    }
    CompletableFuture<Void> gate = new CompletableFuture<>();
    heldFetches.add(gate);
    return gate.thenApply(x -> value);
  }

  /** How many fetches are held, waiting for {@link #releaseFetch()}. */
  synchronized int fetchesHeld() {
    return heldFetches.size();
  }

  /** Delivers the oldest held fetch. */
  void releaseFetch() {
    CompletableFuture<Void> gate;
    synchronized (this) {
      gate = heldFetches.remove(0);
    }
    gate.complete(null);
  }

  static Card copy(Card c) {
    return c == null ? null : new Card(c.id, c.title, c.done, c.version);
  }
}
