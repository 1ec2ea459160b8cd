/**
 * An application module that uses Synced without {@code requires java.compiler}. (A module that
 * exported its entity package would {@code requires transitive} the runtime, which its generated
 * public API names; the generated codec names no Jackson type.)
 */
module io.github.synced.modulecheck {
  requires static io.github.synced.annotations;
  requires io.github.synced.runtime;
  requires com.fasterxml.jackson.databind;
}
