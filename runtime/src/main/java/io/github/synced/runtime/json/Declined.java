package io.github.synced.runtime.json;

/**
 * Thrown by the byte-level reader and writer where they meet input or a value they do not handle
 * exactly as Jackson does (malformed or unusual JSON, a value of the wrong type, a character that
 * needs Jackson's own treatment): {@link JsonCodecs} then does the whole job again through Jackson,
 * so every answer, and every error message, is Jackson's. One shared instance without a stack
 * trace: declining costs no allocation.
 */
final class Declined extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The one instance: it carries no state and no stack trace, and never leaves this package. */
  @SuppressWarnings("StaticAssignmentOfThrowable")
  static final Declined INSTANCE = new Declined();

  private Declined() {
    super("declined: the input goes through Jackson", null, false, false);
  }
}
