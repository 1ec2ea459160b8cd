package io.github.synced.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
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

  /** Whether an error was reported since this reporter was made. */
  public boolean hasErrors() {
    return errors;
  }
}
