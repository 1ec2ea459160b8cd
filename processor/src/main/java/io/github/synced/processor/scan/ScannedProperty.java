package io.github.synced.processor.scan;

import io.github.synced.processor.model.Access;
import io.github.synced.processor.model.Shape;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * A property as found in the source, before validation: still tied to its elements so that problems
 * can be reported where they are.
 *
 * @param name the Java name
 * @param element the field or record component
 * @param type its type, generic superclasses resolved
 * @param shape what generated code makes of its type, or {@code null} if it cannot hold it
 * @param typeProblem why generated code cannot hold its type, or {@code null} if it can
 * @param idAt where {@code @SyncId} sits (field, component or getter), or {@code null}
 * @param versionAt where {@code @SyncVersion} sits, or {@code null}
 * @param localOnlyAt where {@code @LocalOnly} sits, or {@code null}
 * @param isFinal whether the field is final (irrelevant for records)
 * @param read how generated code can read it, or {@code null} if it cannot
 * @param write how generated code can set it, or {@code null} if it cannot
 * @param getterName the getter a bean would have, for messages
 * @param setterName the setter a bean would have, for messages
 * @param unfitGetter an accessible getter by name whose type generated code cannot use, or {@code
 *     null}
 * @param unfitSetter an accessible setter by name whose type generated code cannot use, or {@code
 *     null}
 * @param typeWarnings the lint keys that naming its type raises
 * @param readWarnings the lint keys that reading it raises
 * @param writeWarnings the lint keys that setting it raises
 */
public record ScannedProperty(
    String name,
    Element element,
    TypeMirror type,
    Shape shape,
    TypeProblem typeProblem,
    Element idAt,
    Element versionAt,
    Element localOnlyAt,
    boolean isFinal,
    Access read,
    Access write,
    String getterName,
    String setterName,
    Element unfitGetter,
    Element unfitSetter,
    Set<String> typeWarnings,
    Set<String> readWarnings,
    Set<String> writeWarnings) {

  /** The kind of a single value, or {@code null} for another shape or an unsupported type. */
  public io.github.synced.processor.model.ValueKind kind() {
    return shape instanceof Shape.Scalar scalar ? scalar.kind() : null;
  }
}
