package io.github.synced.runtime.http;

/**
 * A JSON pointer (RFC 6901) as a {@link Dialect} holds it, without Jackson: its text, checked, and
 * its compiled form for each Jackson, made by {@link JacksonTrees} and {@link Jackson3Trees} on
 * first use (a race compiles it twice, to equal pointers).
 */
final class Pointer {

  /** The whole document: {@code ""}. */
  static final Pointer BODY = new Pointer("");

  private final String text;

  /** Jackson 2's and Jackson 3's {@code JsonPointer} of {@link #text}, once made. */
  volatile Object jackson2;

  volatile Object jackson3;

  private Pointer(String text) {
    this.text = text;
  }

  /**
   * The pointer {@code text}.
   *
   * @throws IllegalArgumentException where {@code text} is neither empty nor starts with {@code /}
   */
  static Pointer compile(String text) {
    if (!text.isEmpty() && !text.startsWith("/")) {
      throw new IllegalArgumentException("a JSON pointer starts with '/': \"" + text + "\"");
    }
    return text.isEmpty() ? BODY : new Pointer(text);
  }

  /** Whether this points at the whole document. */
  boolean isBody() {
    return text.isEmpty();
  }

  String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pointer other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
