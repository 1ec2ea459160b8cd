package io.github.synced.example.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.example.server.Personality;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The soak of every server personality ({@link Soak}) with nothing configured out: every kind of
 * operation, the default five attempts, the user free to change any entity the client shows
 * (including one a push or poll brought before the answer to its create). CI runs 300 mutations
 * each (a second or two) from seed 7; {@code -Dsynced.soak.mutations=10000} makes it long, {@code
 * -Dsynced.soak.seed=N} repeats a seed and {@code -Dsynced.soak.seed=random} draws one (printed
 * with the report).
 */
class SoakTest {

  /**
   * One soak CI runs.
   *
   * @param name for reports
   * @param personality the server
   * @param mix the operations, or {@code null} for every kind
   * @param clientIds whether the client makes the ids
   * @param subject the entity class
   */
  record Case(
      String name,
      Personality personality,
      Soak.Mix mix,
      boolean clientIds,
      Supplier<Subject<?, ?>> subject) {

    /** This case's soak of {@code mutations} mutations from {@code seed}. */
    Soak.Config config(long seed, int mutations) {
      Soak.Config c = Soak.Config.standard(personality, seed, mutations);
      if (mix != null) {
        c = c.withMix(mix);
      }
      return clientIds ? c.withClientIds() : c;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The soaks CI runs: every personality, json-server with either kind of id. */
  static List<Case> cases() {
    return List.of(
        new Case("tasks", Personality.tasks(), null, false, TaskSubject::new),
        new Case("strict If-Match", Personality.strictIfMatch(), null, false, TaskSubject::new),
        new Case("version-only", Personality.versionOnly(), null, false, TaskSubject::new),
        new Case(
            "json-server, server ids", Personality.jsonServer(), null, false, NoteSubject::new),
        new Case(
            "json-server, client ids", Personality.jsonServer(), null, true, NoteSubject::new));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void holdsTheContract(Case soak) throws Exception {
    holds(soak.config(SoakSettings.seed(), SoakSettings.mutations()), soak.subject().get());
  }

  /** Runs the soak, prints its report, and fails with the report if it found any violation. */
  static void holds(Soak.Config config, Subject<?, ?> subject) throws Exception {
    Soak.Report report = Soak.run(config, subject);
    System.out.println(report.text(3));
    assertEquals(List.of(), report.violations(), () -> report.text(5));
  }
}
