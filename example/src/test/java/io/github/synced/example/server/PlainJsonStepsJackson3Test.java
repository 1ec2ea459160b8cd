package io.github.synced.example.server;

import io.github.synced.runtime.http.HttpRemote;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link PlainJsonStepsTest}'s steps with the remotes reading and writing through Jackson 3: a
 * refetch of several pages, an update, a stale update refused with 412 and merged, creates, a
 * delete, local-only state kept across a refetch, and a 409 with an error message.
 */
class PlainJsonStepsJackson3Test extends PlainJsonStepsTest {

  @Override
  <K, E> HttpRemote.Builder<K, E> json(HttpRemote.Builder<K, E> remote) {
    return remote.jackson3(new ObjectMapper());
  }
}
