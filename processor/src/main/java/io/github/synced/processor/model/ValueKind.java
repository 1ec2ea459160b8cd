package io.github.synced.processor.model;

/**
 * What a property's value is, as far as generated code cares: how to read and write it as JSON.
 * Primitive and boxed types share a kind; {@link Property#isPrimitive()} tells them apart. The
 * constants name the Java types they stand for.
 */
public enum ValueKind {
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  LONG,
  CHAR,
  FLOAT,
  DOUBLE,
  STRING,
  ENUM,
  BIG_DECIMAL,
  BIG_INTEGER,
  UUID,
  /** A {@code java.time} type with {@code toString()} and a static {@code parse(CharSequence)}. */
  TEMPORAL,
  /** {@code java.util.Currency}, by its ISO 4217 code. */
  CURRENCY;

  /** Whether values of this kind are JSON numbers. */
  public boolean isNumber() {
    return switch (this) {
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BIG_INTEGER -> true;
      default -> false;
    };
  }
}
