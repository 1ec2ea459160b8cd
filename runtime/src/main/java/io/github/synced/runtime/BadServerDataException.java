package io.github.synced.runtime;

import java.util.Objects;

/**
 * Server data that the store refuses: malformed or mistyped JSON, an id that does not match, a
 * missing or regressing version. The message names the entity type, the id and the field; the store
 * is left unchanged, and a mutation whose answer was refused settles as a failure. Its {@link
 * #kind()} is {@link SyncFailure.Kind#BAD_RESPONSE}.
 */
public class BadServerDataException extends SyncFailure {

  private static final long serialVersionUID = 1L;

  private final String entity;
  private final transient Object id;
  private final String field;
  private final String problem;

  /**
   * @param entity the entity type's name, for example {@code Task}
   * @param id the entity's id, or {@code null} where it could not be read
   * @param field the field at fault, or {@code null} where the problem is not one field's
   * @param problem what is wrong and, where it helps, what was expected
   */
  public BadServerDataException(String entity, Object id, String field, String problem) {
    this(entity, id, field, problem, null);
  }

  /** As {@link #BadServerDataException(String, Object, String, String)}, with a cause. */
  public BadServerDataException(
      String entity, Object id, String field, String problem, Throwable cause) {
    super(Kind.BAD_RESPONSE, 0, message(entity, id, field, problem), cause);
    this.entity = Objects.requireNonNull(entity, "entity");
    this.id = id;
    this.field = field;
    this.problem = problem;
  }

  private static String message(String entity, Object id, String field, String problem) {
    StringBuilder m = new StringBuilder(entity);
    m.append(id == null ? " (id unknown)" : " '" + id + "'");
    if (field != null) {
      m.append(", field '").append(field).append('\'');
    }
    return m.append(": ").append(problem).toString();
  }

  /** The entity type's name. */
  public String entity() {
    return entity;
  }

  /** The entity's id, or {@code null} where it could not be read. */
  public Object id() {
    return id;
  }

  /** The field at fault, or {@code null}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the entity, id and field that the message starts with. */
  public String problem() {
    return problem;
  }
}
