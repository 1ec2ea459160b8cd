package io.github.synced.runtime;

import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One send of a mutation and its answer. Staged to run after the lock, it calls the remote; when
 * the answer comes it runs again, under the lock, and hands the answer to {@link Answers}, which
 * drops it if the mutation has moved on since (its {@link Layer#turn} changed: another attempt went
 * out, or it settled). One object plays every step, instead of a lambda per step, so that a
 * mutation's send costs one small allocation.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Attempt<K, E>
    implements Runnable, Supplier<CompletionStage<Reply<E>>>, BiConsumer<Reply<E>, Throwable> {

  private final Core<K, E> core;
  final Layer<K, E> layer;
  final Write<K, E> write;

  /** The layer's turn when this attempt went out. */
  final int turn;

  private boolean answered;
  Reply<E> reply;
  Throwable failure;

  Attempt(Core<K, E> core, Layer<K, E> layer, Write<K, E> write, int turn) {
    this.core = core;
    this.layer = layer;
    this.write = write;
    this.turn = turn;
  }

  /** After the lock: sends. Under the lock, once answered: takes the answer. */
  @Override
  public void run() {
    if (!answered) {
      Stages.call(this, "send").whenComplete(this);
    } else {
      core.answers.take(this);
    }
  }

  /** The remote call itself ({@link Core#call} turns a throw or a null into a failed stage). */
  @Override
  public CompletionStage<Reply<E>> get() {
    return core.remote.send(write);
  }

  /** The answer, on whatever thread completes it: taken under the lock. */
  @Override
  public void accept(Reply<E> reply, Throwable failure) {
    this.reply = reply;
    this.failure = failure;
    this.answered = true;
    core.react(this); // only a bug gets out of it, reported instead of lost in a future
  }
}
