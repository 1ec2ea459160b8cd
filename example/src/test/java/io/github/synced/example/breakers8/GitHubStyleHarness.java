package io.github.synced.example.breakers8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.breakers.Drive;
import io.github.synced.example.breakers.Wire;
import io.github.synced.runtime.EventLog;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A store over real HTTP against a {@link GitHubStyleServer} seeded with two repos, on a virtual
 * clock the breakers' {@link Drive} moves while answers arrive. From the outside tester of issue 8
 * (scratch GitHubStyleHttpTest's set-up).
 */
abstract class GitHubStyleHarness {
  final VirtualScheduler clock = new VirtualScheduler();
  GitHubStyleServer server;
  SyncStore<Long, Repo> store;
  RepoMutations repos;
  private EventLog<Long, Repo> log;
  private Instant start;

  @BeforeEach
  void startServer() throws Exception {
    server = new GitHubStyleServer();
    server.seed("synced", "keeps views consistent", 10);
    server.seed("octo", "a cat", 3);
  }

  @AfterEach
  void stopServer() {
    if (log != null) {
      log.events().forEach(e -> System.out.println(log.format(e, start)));
    }
    server.close();
  }

  /**
   * GitHub (like json-server) ignores Idempotency-Key: the README says to configure {@code
   * deduplicatesByKey(false)} for such a server (F6).
   */
  static Dialect github() {
    return Dialect.plainJson().toBuilder().deduplicatesByKey(false).build();
  }

  void connect() {
    HttpRemote<Long, Repo> remote =
        HttpRemote.<Long, Repo>builder(server.uri(), "/repos", new RepoJson())
            .dialect(github())
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    store = Repos.builder(remote, clock).retry(Drive.retry()).build();
    repos = new RepoMutations(store);
    log = EventLog.attach(store);
    start = store.scheduler().now();
    Drive.until(clock, store.refetch(), "the first read");
    assertEquals(2, store.all().size());
  }

  void quiet() {
    Drive.idle(clock, store);
  }

  static Predicate<Wire.Req> method(String method) {
    return r -> r.method().equals(method);
  }

  static Predicate<Wire.Req> get(long id) {
    return r -> r.method().equals("GET") && r.path().equals("/repos/" + id);
  }

  long count(String method) {
    return server.requests().stream().filter(method(method)).count();
  }

  void assertClientEqualsServer() {
    Map<Long, ObjectNode> rows = server.rows();
    Set<Long> shown = store.all().stream().map(Repo::getId).collect(Collectors.toSet());
    assertEquals(rows.keySet(), shown);
    for (Repo r : store.all()) {
      ObjectNode row = rows.get(r.getId());
      assertEquals(row.get("name").asText(), r.getName(), "name of " + r.getId());
      assertEquals(row.get("description").asText(null), r.getDescription(), "desc of " + r.getId());
      assertEquals(row.get("stars").asInt(), r.getStars(), "stars of " + r.getId());
      assertEquals(row.get("version").asLong(), r.getVersion(), "version of " + r.getId());
    }
  }

  List<Long> ids() {
    return store.all().stream().map(Repo::getId).toList();
  }
}
