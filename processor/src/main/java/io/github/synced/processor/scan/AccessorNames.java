package io.github.synced.processor.scan;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The JavaBeans (and Lombok) naming of accessors: which getter and setter names a field may have,
 * and which property a getter reads.
 */
public final class AccessorNames {

  private AccessorNames() {}

  /**
   * The property a getter reads: {@code getTitle} and {@code isDone} read {@code title} and {@code
   * done}; any other name is its own.
   */
  public static String propertyOf(String getter) {
    for (String prefix : List.of("get", "is")) {
      if (getter.length() > prefix.length()
          && getter.startsWith(prefix)
          && Character.isUpperCase(getter.charAt(prefix.length()))) {
        String rest = getter.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return getter;
  }

  /**
   * The getter names a field may have, preferred first: {@code getName}; for a {@code boolean} also
   * {@code isName}, and for a {@code boolean} field named like {@code isActive} the field's own
   * name (Lombok's {@code isActive()}).
   */
  static List<String> getterNames(String name, TypeMirror type) {
    String capitalized = capitalize(name);
    if (type.getKind() != TypeKind.BOOLEAN) {
      return List.of("get" + capitalized);
    }
    List<String> names = new ArrayList<>();
    if (isPrefixed(name)) {
      names.add(name);
    }
    names.add("is" + capitalized);
    names.add("get" + capitalized);
    return names;
  }

  /**
   * The setter names a field may have, preferred first: {@code setName}, and for a {@code boolean}
   * field named like {@code isActive} also {@code setActive} (Lombok's).
   */
  static List<String> setterNames(String name, TypeMirror type) {
    List<String> names = new ArrayList<>();
    if (type.getKind() == TypeKind.BOOLEAN && isPrefixed(name)) {
      names.add("set" + name.substring(2));
    }
    names.add("set" + capitalize(name));
    return names;
  }

  /** Whether {@code name} is {@code is} followed by an upper-case letter. */
  private static boolean isPrefixed(String name) {
    return name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
