package io.github.synced.runtime.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body into memory up to a limit, and never more: a body that grows past the
 * limit is cut off (its subscription cancelled, which closes the connection) keeping only its start
 * for messages; where the declared {@code Content-Length} is over the limit, only that start is
 * read.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<Answer> {

  /** How much of a body that is over the limit is kept, for the failure's message. */
  private static final int KEPT_OF_CUT = 1024;

  /** Ties one exchange's body, once its headers arrive, to its deadline. */
  static final class Watch {
    private volatile LimitedBody body;

    LimitedBody start(HttpResponse.ResponseInfo info, long limit) {
      LimitedBody b = new LimitedBody(info, limit);
      body = b;
      return b;
    }

    /** The status received, or 0 if no headers have arrived. */
    int status() {
      LimitedBody b = body;
      return b == null ? 0 : b.info.statusCode();
    }

    void cancel() {
      LimitedBody b = body;
      if (b != null) {
        b.cancel();
      }
    }
  }

  private final HttpResponse.ResponseInfo info;

  /** Where reading stops: the limit, or the kept start where the declared length is over it. */
  private final long stopAt;

  private final CompletableFuture<Answer> answer = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private byte[] bytes;
  private int size;
  private boolean done;

  private LimitedBody(HttpResponse.ResponseInfo info, long limit) {
    this.info = info;
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    this.stopAt = declared > limit ? Math.min(limit, KEPT_OF_CUT) : limit;
    this.bytes = new byte[(int) Math.min(Math.max(declared, 0), Math.min(stopAt, 64 * 1024))];
  }

  @Override
  public CompletionStage<Answer> getBody() {
    return answer;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (done) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if ((long) size + n > stopAt) {
        int room = (int) Math.min(n, Math.max(0, Math.min(KEPT_OF_CUT, stopAt) - size));
        if (room > 0) {
          grow(size + room);
          item.get(bytes, size, room);
          size += room;
        }
        cut();
        return;
      }
      grow(size + n);
      item.get(bytes, size, n);
      size += n;
    }
  }

  @Override
  public void onError(Throwable error) {
    done = true;
    answer.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    if (!done) {
      done = true;
      answer.complete(
          new Answer(info.statusCode(), info.headers(), Arrays.copyOf(bytes, size), false));
    }
  }

  private void grow(int needed) {
    if (needed > bytes.length) {
      long doubled = Math.max(needed, Math.min(stopAt, 2L * bytes.length + 1024));
      bytes = Arrays.copyOf(bytes, (int) doubled);
    }
  }

  private void cut() {
    done = true;
    subscription.cancel();
    answer.complete(
        new Answer(
            info.statusCode(),
            info.headers(),
            Arrays.copyOf(bytes, Math.min(size, KEPT_OF_CUT)),
            true));
  }

  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
