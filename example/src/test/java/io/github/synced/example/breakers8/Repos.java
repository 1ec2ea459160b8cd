package io.github.synced.example.breakers8;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the tests of this package share: repos as the server has them and a store on a virtual clock
 * that notifies on the caller's thread. From the outside tester of issue 8.
 */
final class Repos {
  private Repos() {}

  static Repo repo(long id, String name, String description, int stars, long version) {
    Repo r = new Repo(name, description, stars);
    r.setId(id);
    r.setVersion(version);
    return r;
  }

  /** The server's copy of a repo at a new version: its synced fields only. */
  static Repo serverCopy(Repo r, long version) {
    Repo c = repo(r.getId(), r.getName(), r.getDescription(), r.getStars(), version);
    c.setArchived(r.isArchived());
    return c;
  }

  static SyncStore.Builder<Long, Repo> builder(Remote<Long, Repo> remote, VirtualScheduler clock) {
    return SyncStore.of(RepoSync.TYPE).remote(remote).scheduler(clock).notifyOn(Runnable::run);
  }

  /** The ROLLBACK changes the store announces from now on, as they come. */
  static List<Change<Long, Repo>> rollbacks(SyncStore<Long, Repo> store) {
    List<Change<Long, Repo>> rollbacks = new CopyOnWriteArrayList<>();
    store.subscribe(
        c -> {
          if (c.cause() == Change.Cause.ROLLBACK) {
            rollbacks.add(c);
          }
        });
    return rollbacks;
  }

  static SyncStore<Long, Repo> store(Remote<Long, Repo> remote, VirtualScheduler clock) {
    return builder(remote, clock).build();
  }
}
