package io.github.synced.runtime.http;

import io.github.synced.runtime.SyncFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a failed exchange means to the store, and the texts its messages quote. */
final class Failures {

  /** How much of an error body a message quotes. */
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private Failures() {}

  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The failure an exception of the HTTP client means; see the class comment. */
  static Throwable failureOf(Throwable t, Call call) {
    if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
      return SyncFailure.transientFailure(0, call + " could not connect: " + t, null, t);
    }
    if (t instanceof IOException) {
      String what =
          t instanceof HttpTimeoutException
              ? " timed out: "
              : " failed after it may have been sent: ";
      return call.write()
          ? SyncFailure.outcomeUnknown(call + what + t, t)
          : SyncFailure.transientFailure(0, call + what + t, null, t);
    }
    return t;
  }

  /**
   * The {@code Retry-After} hint: delay-seconds or an HTTP date (measured from {@code clock}, never
   * negative); {@code null} if absent or unreadable.
   */
  static Duration retryAfter(HttpHeaders headers, Clock clock) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return null;
    }
    String v = value.get();
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException tooLarge) {
        return null;
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  static String bodyText(byte[] body) {
    return bodyText(new String(body, StandardCharsets.UTF_8));
  }

  static String bodyText(String body) {
    String text = body.strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": "
        + (text.length() > MAX_BODY_IN_MESSAGE
            ? text.substring(0, MAX_BODY_IN_MESSAGE) + "…"
            : text);
  }
}
