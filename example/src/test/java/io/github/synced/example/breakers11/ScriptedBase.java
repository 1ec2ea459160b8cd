package io.github.synced.example.breakers11;

import io.github.synced.runtime.Page;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store over scripted writes and scripted page reads on a virtual clock. */
abstract class ScriptedBase {
  record ByState(String state) {}

  final VirtualScheduler clock = new VirtualScheduler();
  final Scripted.Writes writes = new Scripted.Writes();
  final Scripted.Reads<ByState> reads = new Scripted.Reads<>();
  final SyncStore<String, Issue> store =
      SyncStore.of(IssueSync.TYPE).remote(writes).scheduler(clock).notifyOn(Runnable::run).build();
  final IssueMutations issues = new IssueMutations(store);

  /** Issues by state; the client knows the server's filter and its order (by title). */
  final QueryType<ByState, Issue> byState =
      QueryType.builder("issues by state", reads)
          .matches((p, i) -> p.state().equals(i.getState()))
          .order(java.util.Comparator.comparing(Issue::getTitle))
          .build();

  static Issue issue(String id, String title, String state, long v) {
    return new Issue(id, title, state, v);
  }

  static List<String> ids(Query<?, String, Issue> q) {
    return q.items().stream().map(Issue::getId).toList();
  }

  static List<String> ids(QueryState<Issue> s) {
    return s.items().stream().map(Issue::getId).toList();
  }

  /** A subscriber that records every state it gets. */
  static final class Recorder {
    final List<QueryState<Issue>> states = new CopyOnWriteArrayList<>();

    void accept(QueryState<Issue> s) {
      states.add(s);
    }

    QueryState<Issue> last() {
      return states.get(states.size() - 1);
    }

    List<QueryState.Status> statuses() {
      return states.stream().map(QueryState::status).toList();
    }
  }

  /** Subscribes to the query and answers its first read with {@code items} (no next page). */
  Query<ByState, String, Issue> ready(String state, Issue... items) {
    Query<ByState, String, Issue> q = store.query(byState, new ByState(state));
    int before = reads.count();
    var unused = q.refetch();
    if (reads.count() != before + 1) {
      throw new AssertionError("refetch sent no read");
    }
    reads.last().answer().complete(Page.of(List.of(items), null));
    return q;
  }

  static void confirm(Scripted.Sent s, Issue server) {
    s.answer().complete(Reply.entity(server));
  }

  static void reject(Scripted.Sent s) {
    s.answer().completeExceptionally(SyncFailure.rejected(422, "Validation Failed"));
  }
}
