package io.github.synced.runtime.http;

/**
 * What one request is, for messages and for classifying its failures; {@code ifMatch} is the
 * precondition sent, or null.
 */
record Call(String method, String target, Object id, boolean write, String ifMatch) {
  Call(String method, String target, Object id, boolean write) {
    this(method, target, id, write, null);
  }

  Call withPrecondition(String value) {
    return new Call(method, target, id, write, value);
  }

  @Override
  public String toString() {
    return method + " " + target;
  }
}
