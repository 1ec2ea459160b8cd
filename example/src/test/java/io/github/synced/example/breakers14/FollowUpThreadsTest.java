package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Checks.allExpanded;
import static io.github.synced.example.breakers14.Rig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The raced 204 with edits from several threads, and a seeded schedule of such races. */
class FollowUpThreadsTest {

  /** Four threads edit four fields while the follow-up read is held; all land, idle completes. */
  @Test
  void threadsEditWhileFollowUpReadHeld() throws Exception {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> o.put("title", "Other"));
      await(rig.store.refetch());
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      await(m1.result());
      await(read.arrived);
      List<Mutation<String, Board>> ms = java.util.Collections.synchronizedList(new ArrayList<>());
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> ts = new ArrayList<>();
      for (String cid : List.of("c2", "c3")) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  for (int i = 0; i < 5; i++) {
                    String v = cid + "-" + i;
                    ms.add(
                        rig.boards.update(
                            "b1", p -> p.editCards(c -> c.update(cid, x -> x.title(v)))));
                  }
                });
        ts.add(t);
        t.start();
      }
      Thread l =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 5; i++) {
                  String v = "lane-" + i;
                  ms.add(
                      rig.boards.update(
                          "b1", p -> p.editLanes(c -> c.update("todo", x -> x.title(v)))));
                }
              });
      ts.add(l);
      l.start();
      go.countDown();
      for (Thread t : ts) {
        t.join(10_000);
      }
      read.open();
      for (Mutation<String, Board> m : new ArrayList<>(ms)) {
        m.result().get(30, TimeUnit.SECONDS);
      }
      rig.store.idle().get(30, TimeUnit.SECONDS);
      Board b = rig.b1();
      assertEquals("ONE", b.card("c1").title, b.toString());
      assertEquals("c2-4", b.card("c2").title, b.toString());
      assertEquals("c3-4", b.card("c3").title, b.toString());
      assertEquals("lane-4", b.lanes.get("todo").title, b.toString());
      assertEquals("Other", b.title, b.toString());
      allExpanded(b);
      rig.converge();
    }
  }

  /**
   * Seeded: each round races a write (answered 204, partial or version-only) with a refetch, an
   * other writer on another card, and sometimes a held follow-up read with a queued edit. Server
   * checks If-Match; nothing another writer did may be lost; client equals server when idle.
   */
  @Test
  void seededRaces() throws Exception {
    long seed = Long.getLong("breakers15.seed", 15L);
    System.out.println("FollowUpThreadsTest.seededRaces seed=" + seed);
    Random r = new Random(seed);
    FakeApi.Answer[] answers = {
      FakeApi.Answer.NO_CONTENT, FakeApi.Answer.PARTIAL, FakeApi.Answer.VERSION_ONLY
    };
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      for (int round = 0; round < 12; round++) {
        String ctx = "seed=" + seed + " round=" + round;
        rig.api.answer = answers[r.nextInt(answers.length)];
        String mine = "c" + (1 + r.nextInt(3));
        String theirs = "c" + (1 + (Integer.parseInt(mine.substring(1)) % 3));
        String mv = "m" + round;
        String tv = "t" + round;
        FakeApi.Gate g = rig.api.holdWrite(r.nextBoolean());
        Mutation<String, Board> m1 =
            rig.boards.update("b1", p -> p.editCards(c -> c.update(mine, x -> x.title(mv))));
        await(g.arrived);
        rig.api.edit("b1", o -> FakeApi.cardNode(o, theirs).put("title", tv));
        if (r.nextBoolean()) {
          rig.api.listWithoutVersion = r.nextBoolean();
          await(rig.store.refetch());
          rig.api.listWithoutVersion = false;
        }
        boolean holdRead = r.nextBoolean();
        FakeApi.Gate read = holdRead ? rig.api.holdRead(false) : null;
        g.open();
        m1.result().handle((v, e) -> null).get(30, TimeUnit.SECONDS);
        Mutation<String, Board> m2 = null;
        if (r.nextBoolean()) {
          String third = "c" + (1 + r.nextInt(3));
          m2 = rig.boards.update("b1", p -> p.editCards(c -> c.update(third, x -> x.done(true))));
        }
        if (read != null) {
          // the follow-up read may not come (e.g. the answer had a version): release anyway
          read.open();
        }
        if (m2 != null) {
          m2.result().handle((v, e) -> null).get(30, TimeUnit.SECONDS);
        }
        try {
          rig.store.idle().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError(ctx + " idle stuck; events " + rig.events, e);
        }
        // a held gate that was not used is still in the queue: drop it
        synchronized (rig.api) {
          rig.api.readGates.clear();
          rig.api.writeGates.clear();
        }
        var row = rig.api.row("b1");
        assertEquals(
            tv,
            FakeApi.cardNode(row, theirs).get("title").asText(),
            ctx + " other writer's change lost on the server: " + row + "\n log " + rig.api.log);
        assertEquals(
            mv,
            FakeApi.cardNode(row, mine).get("title").asText(),
            ctx + " our change lost: " + row);
        await(rig.store.refetch());
        rig.store.idle().get(30, TimeUnit.SECONDS);
        String client = Jsonish.of(rig.b1());
        String server = Jsonish.of(row);
        assertEquals(server, client, ctx + " client differs from server when idle");
        allExpanded(rig.b1());
      }
    }
  }
}
