package io.github.synced.runtime.http;

import io.github.synced.runtime.SyncFailure;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends an {@link HttpRemote}'s requests within its limits: each answer's body read through {@link
 * LimitedBody} up to the size limit, each whole exchange bounded by the deadline (see "Limits" and
 * "Threads" in {@link HttpRemote}'s class comment), and the client's exceptions turned into the
 * failures they mean.
 */
final class Exchanges {

  /** Watches the deadlines of every remote; runs nothing but hand-offs. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

  /** Where a passed deadline is handled when the client has no executor of its own. */
  private static final ExecutorService EXPIRED =
      Executors.newCachedThreadPool(daemon("synced-http-deadline-"));

  private final HttpClient client;
  private final Executor expiredOn;
  private final Duration requestTimeout;
  private final long maxResponseBytes;

  Exchanges(HttpClient client, Duration requestTimeout, long maxResponseBytes) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.expiredOn = client.executor().orElse(EXPIRED);
  }

  /** Turns an answer into a value, or throws the failure it means. */
  interface Interpreter<T> {
    T interpret(Answer answer);
  }

  <T> CompletableFuture<T> exchange(HttpRequest request, Call call, Interpreter<T> interpreter) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicBoolean settled = new AtomicBoolean();
    LimitedBody.Watch watch = new LimitedBody.Watch();
    CompletableFuture<HttpResponse<Answer>> http;
    try {
      http = client.sendAsync(request, info -> watch.start(info, maxResponseBytes));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ScheduledFuture<?> deadline =
        DEADLINES.schedule(
            () ->
                expiredOn.execute(
                    () -> {
                      if (!settled.compareAndSet(false, true)) {
                        return;
                      }
                      watch.cancel();
                      http.cancel(true); // closes the connection, headers or body pending
                      result.completeExceptionally(deadlineFailure(call, watch.status()));
                    }),
            requestTimeout.toNanos(),
            TimeUnit.NANOSECONDS);
    var unused =
        http.whenComplete(
            (response, error) -> {
              deadline.cancel(false);
              if (!settled.compareAndSet(false, true)) {
                return; // the deadline has answered already
              }
              try {
                if (error != null) {
                  result.completeExceptionally(Failures.failureOf(Failures.unwrap(error), call));
                } else {
                  result.complete(interpreter.interpret(response.body()));
                }
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /** The failure a passed deadline means; {@code status} is 0 where no headers had arrived. */
  private Throwable deadlineFailure(Call call, int status) {
    String message =
        call
            + " got no complete answer within "
            + requestTimeout.toMillis()
            + " ms ("
            + (status == 0
                ? "no status line had arrived"
                : "status " + status + " had arrived, its body had not")
            + "); the deadline covers the whole exchange, body included"
            + " (HttpRemote.Builder.requestTimeout)";
    HttpTimeoutException cause = new HttpTimeoutException(message);
    return call.write()
        ? SyncFailure.outcomeUnknown(message, cause)
        : SyncFailure.transientFailure(0, message, null, cause);
  }

  private static ScheduledThreadPoolExecutor deadlineTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("synced-http-deadlines-"));
    timer.setRemoveOnCancelPolicy(true); // answered exchanges leave nothing behind
    return timer;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
