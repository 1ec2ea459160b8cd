package io.github.synced.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** Reports catalogue messages at the offending element and remembers whether any was an error. */
public final class Reporter {

  private final Messager messager;
  private boolean errors;

  /** A reporter that prints through {@code messager}. */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} at {@code element}. */
  public void report(Element element, Message message, Object... args) {
    messager.printMessage(message.kind(), message.format(args), element);
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors = true;
    }
  }

  /**
   * Reports {@code message} at the Synced annotation {@code annotation} (a simple name such as
   * {@code SyncId}) on {@code element}, where the problem is the annotation's placement; at the
   * element if the annotation is not found on it.
   */
  public void reportAnnotation(
      Element element, String annotation, Message message, Object... args) {
    String name = "io.github.synced." + annotation;
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(name)) {
        messager.printMessage(message.kind(), message.format(args), element, mirror);
        errors |= message.kind() == Diagnostic.Kind.ERROR;
        return;
      }
    }
    report(element, message, args);
  }

  /** Whether an error was reported since this reporter was made. */
  public boolean hasErrors() {
    return errors;
  }
}
