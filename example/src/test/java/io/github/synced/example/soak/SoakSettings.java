package io.github.synced.example.soak;

/**
 * The soak's size and seed, from system properties: {@code synced.soak.mutations} (default 300 per
 * personality: a second or two each) and {@code synced.soak.seed} (default: a fresh one, printed
 * with every report).
 */
public final class SoakSettings {

  private SoakSettings() {}

  public static int mutations() {
    return Integer.getInteger("synced.soak.mutations", 300);
  }

  public static long seed() {
    String s = System.getProperty("synced.soak.seed");
    return s == null || s.isBlank() ? System.nanoTime() : Long.parseLong(s.strip());
  }
}
