package io.github.synced.processor;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import io.github.synced.processor.diag.Message;
import io.github.synced.processor.diag.Reporter;
import io.github.synced.processor.scan.AccessorNames;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reports Synced's member annotations ({@code @SyncId}, {@code @SyncVersion}, {@code @LocalOnly})
 * where Synced never reads them: on interfaces, and in types that are neither entities nor their
 * superclasses.
 */
final class MemberAnnotations {

  /** The member annotations, which this processor claims with {@code @Synced}. */
  static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(SyncId.class, SyncVersion.class, LocalOnly.class);

  /** Interface members whose Synced annotations were reported where they are written. */
  private final Set<Element> reportedOnInterfaces = new HashSet<>();

  /** Qualified names of the superclasses of every {@code @Synced} type seen so far. */
  private final Set<String> entitySuperclasses = new HashSet<>();

  private final ProcessingEnvironment processingEnv;

  /** Checks that report through the messager of {@code processingEnv}. */
  MemberAnnotations(ProcessingEnvironment processingEnv) {
    this.processingEnv = processingEnv;
  }

  /**
   * Reports Synced member annotations on the methods of interfaces that {@code type} or its
   * superclasses implement, which Synced never reads: at the entity, since an interface from the
   * class path has no source to point at (one compiled with the entity was reported at its member
   * already). Without this, a {@code @LocalOnly} on an interface's getter would leave the field
   * synced without a word.
   */
  boolean interfaceAnnotations(TypeElement type, Reporter reporter) {
    boolean found = false;
    Set<TypeElement> seen = new HashSet<>();
    List<TypeMirror> pending = new ArrayList<>();
    for (TypeMirror t = type.asType();
        t.getKind() == TypeKind.DECLARED;
        t = ((TypeElement) ((DeclaredType) t).asElement()).getSuperclass()) {
      pending.addAll(((TypeElement) ((DeclaredType) t).asElement()).getInterfaces());
    }
    while (!pending.isEmpty()) {
      TypeElement face = (TypeElement) ((DeclaredType) pending.remove(0)).asElement();
      if (!seen.add(face)) {
        continue;
      }
      pending.addAll(face.getInterfaces());
      for (ExecutableElement method : ElementFilter.methodsIn(face.getEnclosedElements())) {
        for (Class<? extends Annotation> annotation : ANNOTATIONS) {
          if (method.getAnnotation(annotation) == null || reportedOnInterfaces.contains(method)) {
            continue;
          }
          String name = annotation.getSimpleName();
          String property = AccessorNames.propertyOf(method.getSimpleName().toString());
          reporter.report(
              type,
              Message.INTERFACE_ANNOTATION,
              name,
              method.getSimpleName() + "()",
              face.getQualifiedName(),
              type.getSimpleName(),
              property,
              annotation == LocalOnly.class
                  ? "synced: sent to the server and overwritten by it"
                  : annotation == SyncId.class ? "not the id" : "not the version",
              name,
              type.getSimpleName());
          found = true;
        }
      }
    }
    return found;
  }

  void rememberSuperclasses(TypeElement type) {
    for (TypeMirror s = type.getSuperclass();
        s.getKind() == TypeKind.DECLARED;
        s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass()) {
      entitySuperclasses.add(
          ((TypeElement) ((DeclaredType) s).asElement()).getQualifiedName().toString());
    }
  }

  /** Reports Synced member annotations in types that are neither entities nor their bases. */
  void checkPlacement(RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    for (Class<? extends Annotation> annotation : ANNOTATIONS) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        Element enclosing = element.getEnclosingElement();
        String name = annotation.getSimpleName();
        if (enclosing instanceof TypeElement owner && owner.getKind() == ElementKind.INTERFACE) {
          reportedOnInterfaces.add(element);
          reporter.reportAnnotation(
              element,
              name,
              Message.ON_INTERFACE,
              name,
              element.getSimpleName(),
              owner.getSimpleName(),
              name,
              owner.getSimpleName());
          continue;
        }
        if (!(enclosing instanceof TypeElement owner)
            || owner.getAnnotation(Synced.class) != null
            || owner.getModifiers().contains(Modifier.ABSTRACT)
            || entitySuperclasses.contains(owner.getQualifiedName().toString())
            || isCopyOfComponentAnnotation(owner, element)) {
          continue;
        }
        reporter.reportAnnotation(
            element,
            name,
            Message.OUTSIDE_ENTITY,
            name,
            element.getSimpleName(),
            owner.getSimpleName(),
            owner.getSimpleName(),
            name);
      }
    }
  }

  /**
   * Whether {@code element} is a record component or its accessor: both carry the annotation that
   * was written on the component, and so does the component's field, which (unlike the component,
   * on JDK 17) has a source position. The field is reported, once.
   */
  private static boolean isCopyOfComponentAnnotation(TypeElement owner, Element element) {
    if (owner.getKind() != ElementKind.RECORD) {
      return false;
    }
    return element.getKind() == ElementKind.RECORD_COMPONENT
        || owner.getRecordComponents().stream().anyMatch(c -> c.getAccessor().equals(element));
  }
}
