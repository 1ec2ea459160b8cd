package io.github.synced.runtime.http;

import java.net.http.HttpHeaders;

/**
 * An answer as far as it was read: its status and headers, and its body, or the start of it where
 * the body was over the limit ({@code cut}).
 */
@SuppressWarnings("ArrayRecordComponent") // read-only once made
record Answer(int status, HttpHeaders headers, byte[] body, boolean cut) {

  /** Whether the status is 2xx. */
  boolean success() {
    return status >= 200 && status < 300;
  }
}
