package io.github.synced.example.server;

import io.github.synced.example.Task;
import io.github.synced.runtime.http.HttpRemote;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link HttpRemoteAgainstTaskServerTest} with the remote reading and writing through Jackson 3.
 */
class HttpRemoteAgainstTaskServerJackson3Test extends HttpRemoteAgainstTaskServerTest {

  @Override
  HttpRemote.Builder<String, Task> json(HttpRemote.Builder<String, Task> remote) {
    return remote.jackson3(new ObjectMapper());
  }
}
