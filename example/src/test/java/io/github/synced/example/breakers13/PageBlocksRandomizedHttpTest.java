package io.github.synced.example.breakers13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seeded random block edits over real HTTP: refused texts, answers of every shape (whole, without
 * texts, 204, dropped after applying), a server that re-keys by id, another writer, refetches and
 * collapses. The seed fixes the steps; timing may differ, the invariants may not.
 */
class PageBlocksRandomizedHttpTest {
  static final List<PageServer.Answer> ANSWERS = List.of(PageServer.Answer.values());
  static final int SEEDS = Integer.getInteger("breakers13.httpSeeds", 24);

  @Test
  void randomSchedulesOverHttp() throws Exception {
    long first = Long.getLong("breakers13.seed", 1L);
    System.out.println("PageBlocksRandomizedHttpTest: seeds " + first + ".." + (first + SEEDS - 1));
    for (long seed = first; seed < first + SEEDS; seed++) {
      try {
        run(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  private void run(long seed) throws Exception {
    Random rnd = new Random(seed);
    List<String> trace = new ArrayList<>();
    try (PageServer server = new PageServer()) {
      server.put("p1", "Plan", 1, "a", "b1", "Intro", "b", "b2", "Body", "c", "b3", "End");
      server.keyById = seed % 3 == 0;
      SyncStore<String, Page> store =
          SyncStore.of(PageSync.TYPE)
              .remote(
                  HttpRemote.<String, Page>builder(server.base(), "/pages", new PageJson())
                      .mapper(new ObjectMapper())
                      .requestTimeout(Duration.ofSeconds(5))
                      .build())
              .notifyOn(Runnable::run)
              .retry(
                  RetryPolicy.defaults()
                      .withBackoff(Duration.ofMillis(2), 2, Duration.ofMillis(10)))
              .conflicts(
                  seed % 2 == 0
                      ? ConflictPolicy.serverWins()
                      : ConflictPolicy.resolveWithPaths((base, mine, theirs, paths) -> mine))
              .build();
      PageMutations pages = new PageMutations(store);
      store.refetch().get(5, TimeUnit.SECONDS);
      Map<String, Boolean> collapsed = new HashMap<>();
      Set<String> theyRemoved = new HashSet<>();
      int fresh = 100;
      for (int step = 0; step < 40; step++) {
        Page view = store.get("p1").orElseThrow();
        List<String> keys = new ArrayList<>(view.blocks.keySet());
        double r = rnd.nextDouble();
        String what;
        int st = step;
        try {
          if (r < 0.2 && !keys.isEmpty()) {
            String k = keys.get(rnd.nextInt(keys.size()));
            String text = (rnd.nextInt(4) == 0 ? "FORBIDDEN " : "t") + step;
            what = "update " + k + " " + text;
            pages.update("p1", p -> p.editBlocks(e -> e.update(k, x -> x.text(text))));
          } else if (r < 0.3) {
            String id = "n" + fresh++;
            String text = (rnd.nextInt(4) == 0 ? "FORBIDDEN " : "new ") + step;
            what = "put " + id + " " + text;
            pages.update("p1", p -> p.editBlocks(e -> e.put(id, new Block(id, "todo", text))));
          } else if (r < 0.37 && !keys.isEmpty()) {
            String k = keys.get(rnd.nextInt(keys.size()));
            what = "remove " + k;
            pages.update("p1", p -> p.editBlocks(e -> e.remove(k)));
          } else if (r < 0.47) {
            ObjectNode sp = server.page("p1");
            List<String> sk = new ArrayList<>();
            sp.get("blocks").fieldNames().forEachRemaining(sk::add);
            int kind = rnd.nextInt(3);
            if (sk.isEmpty() || kind == 0) {
              String id = "o" + fresh++;
              what = "other puts " + id;
              server.otherWriter(
                  "p1",
                  p -> {
                    ObjectNode b = ((ObjectNode) p.get("blocks")).putObject(id);
                    b.put("id", id);
                    b.put("type", "p");
                    b.put("text", "other " + st);
                  });
            } else {
              String k = sk.get(rnd.nextInt(sk.size()));
              if (kind == 1) {
                what = "other edits " + k;
                server.otherWriter(
                    "p1", p -> ((ObjectNode) p.get("blocks").get(k)).put("text", "theirs " + st));
              } else {
                what = "other removes " + k;
                theyRemoved.add(sp.get("blocks").get(k).get("id").asText());
                server.otherWriter("p1", p -> ((ObjectNode) p.get("blocks")).remove(k));
              }
            }
          } else if (r < 0.55) {
            what = "refetch";
            store.refetch().get(5, TimeUnit.SECONDS);
          } else if (r < 0.7 && !keys.isEmpty()) {
            String k = keys.get(rnd.nextInt(keys.size()));
            String id = view.blocks.get(k).id;
            boolean to = !view.blocks.get(k).collapsed;
            what = "collapse " + k + "=" + to;
            // An answer may move or remove the block between the read above and this edit.
            boolean[] found = {false};
            pages.local(
                "p1",
                p ->
                    p.blocks.values().stream()
                        .filter(b -> b.id.equals(id))
                        .forEach(
                            b -> {
                              b.collapsed = to;
                              found[0] = true;
                            }));
            if (found[0]) {
              collapsed.put(id, to);
            }
          } else if (r < 0.85) {
            PageServer.Answer a = ANSWERS.get(rnd.nextInt(ANSWERS.size()));
            what = "next answer " + a;
            server.answerNext(a);
          } else {
            what = "settle";
            store.idle().get(10, TimeUnit.SECONDS);
          }
        } catch (IllegalArgumentException | IllegalStateException refused) {
          what = "refused at once: " + refused.getMessage();
        }
        trace.add(step + ": " + what + " -> " + store.get("p1").orElseThrow());
        check(server, store, collapsed, theyRemoved, trace);
      }
      store.idle().get(20, TimeUnit.SECONDS);
      check(server, store, collapsed, theyRemoved, trace);
      store.refetch().get(5, TimeUnit.SECONDS);
      Page view = store.get("p1").orElseThrow();
      JsonNode sp = server.page("p1");
      Map<String, String> serverBlocks = new TreeMap<>();
      sp.get("blocks")
          .properties()
          .forEach(
              e ->
                  serverBlocks.put(
                      e.getKey(),
                      e.getValue().get("id").asText() + "/" + e.getValue().get("text").asText()));
      Map<String, String> clientBlocks = new TreeMap<>();
      view.blocks.forEach((k, b) -> clientBlocks.put(k, b.id + "/" + b.text));
      assertEquals(serverBlocks, clientBlocks, String.join("\n", trace));
      assertEquals(sp.get("version").asLong(), view.version);
      check(server, store, collapsed, theyRemoved, trace);
    }
  }

  private static void check(
      PageServer server,
      SyncStore<String, Page> store,
      Map<String, Boolean> collapsed,
      Set<String> theyRemoved,
      List<String> trace) {
    String sp = server.page("p1").toString();
    assertFalse(
        sp.contains("FORBIDDEN"),
        "a refused text reached the server: " + sp + "\n" + String.join("\n", trace));
    for (String body : server.applied()) {
      assertFalse(body.contains("collapsed"), "a local-only value was sent: " + body);
    }
    Page view = store.get("p1").orElseThrow();
    for (Block b : view.blocks.values()) {
      if (theyRemoved.contains(b.id) && !b.collapsed) {
        collapsed.put(b.id, false); // README: kept by a resolver after their remove, it is new
      }
      assertEquals(
          collapsed.getOrDefault(b.id, false),
          b.collapsed,
          "collapsed of " + b.id + " in " + view + "\n" + String.join("\n", trace));
    }
    assertTrue(view.blocks != null);
  }
}
