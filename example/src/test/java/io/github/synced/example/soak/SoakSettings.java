package io.github.synced.example.soak;

/**
 * The soak's size and seed, from system properties: {@code synced.soak.mutations} (default 300 per
 * personality: a second or two each) and {@code synced.soak.seed} (default 7; {@code random} draws
 * a fresh one, printed with every report).
 */
public final class SoakSettings {

  private SoakSettings() {}

  public static int mutations() {
    return Integer.getInteger("synced.soak.mutations", 300);
  }

  public static long seed() {
    String s = System.getProperty("synced.soak.seed");
    if (s == null || s.isBlank()) {
      return 7;
    }
    return s.strip().equals("random") ? System.nanoTime() : Long.parseLong(s.strip());
  }
}
