package io.github.synced.runtime.http;

import java.util.Objects;

/**
 * Checks the arguments of {@link Dialect}'s factories and builder: JSON pointers and names, refused
 * with a message that says what is expected.
 */
final class DialectArguments {
  private DialectArguments() {}

  /** {@code pointer} compiled; {@code what} names the argument in messages. */
  static Pointer pointer(String pointer, String what) {
    Objects.requireNonNull(pointer, what);
    try {
      return Pointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what
              + " takes a JSON pointer (RFC 6901) such as \"/_embedded/tasks\", or \"\" for the"
              + " whole body; was \""
              + pointer
              + "\"",
          e);
    }
  }

  /** {@code name}, which must not be blank; {@code what} names the argument in messages. */
  static String requireName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return name;
  }
}
