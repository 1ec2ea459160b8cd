package io.github.synced.runtime.json;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;

/** What the codecs of both Jackson versions check of a patch before writing it; needs neither. */
final class WholeValues {

  private WholeValues() {}

  /**
   * Refuses a patch that changes elements inside a field ({@link Patch#inside}): a JSON merge patch
   * has no way to say "update the element with this id", and writing the field's value ({@code
   * null}) would clear it. The store never sends one: it sends the field's whole value.
   *
   * @throws IllegalArgumentException naming the field
   */
  static void refuse(Patch<?> patch) {
    if (!patch.changesInside()) {
      return;
    }
    for (EntityField f : patch.fields()) {
      if (patch.inside(f) != null) {
        throw new IllegalArgumentException(
            "field '"
                + f.fieldName()
                + "': the patch changes elements inside it ("
                + patch.inside(f)
                + "), which a JSON merge patch cannot say; apply the patch to the entity and write"
                + " the field's whole value, as the store sends it");
      }
    }
  }
}
