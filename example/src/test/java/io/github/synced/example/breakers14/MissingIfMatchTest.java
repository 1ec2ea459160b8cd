package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Rig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.Mutation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A strict server (checks If-Match when given). Our first write is answered without a version;
 * another writer changes c3 right after it; our second write (c2) is sent whole-list. It must not
 * overwrite the other writer's c3 (README: a server with versions refuses such a body with 412).
 */
class MissingIfMatchTest {

  @Test
  void secondWriteAfterVersionlessAnswerDoesNotOverwriteAnotherWritersElement() {
    List<String> failures = new ArrayList<>();
    for (FakeApi.Answer a :
        new FakeApi.Answer[] {FakeApi.Answer.PARTIAL, FakeApi.Answer.NO_CONTENT}) {
      for (boolean holdRead : new boolean[] {false, true}) {
        try (Rig rig = new Rig(a)) {
          rig.api.afterNextWrite = o -> FakeApi.cardNode(o, "c3").put("title", "THREE-other");
          FakeApi.Gate read = holdRead ? rig.api.holdRead(false) : null;
          Mutation<String, Board> m1 =
              rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
          Mutation<String, Board> m2 =
              rig.boards.update("b1", p -> p.editCards(c -> c.update("c2", x -> x.title("TWO"))));
          await(m1.result());
          if (read != null) {
            try {
              read.arrived.get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
              failures.add(a + " holdRead: no read after the versionless answer (" + e + ")");
            }
            read.open();
          }
          await(m2.result());
          rig.settle();
          String server = FakeApi.cardNode(rig.api.row("b1"), "c3").get("title").asText();
          if (!"THREE-other".equals(server)) {
            failures.add(
                a
                    + " holdRead="
                    + holdRead
                    + ": other writer's c3 overwritten; log "
                    + rig.api.log);
          }
          rig.converge();
          assertEquals("TWO", rig.b1().card("c2").title);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
  }
}
