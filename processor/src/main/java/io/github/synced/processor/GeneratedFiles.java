package io.github.synced.processor;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.diag.Message;
import io.github.synced.processor.diag.Reporter;
import io.github.synced.processor.model.EntityModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Writes an entity's generated types through the filer, after checking that their names are free: a
 * type of that name is an error unless it is this processor's output from this or an earlier
 * compilation.
 */
final class GeneratedFiles {

  /** The SPI types our generated types implement, by the suffix of their names. */
  private static final Map<String, String> OUTPUT_INTERFACES =
      Map.of(
          "Field", "io.github.synced.runtime.spi.EntityField",
          "Snapshot", "io.github.synced.runtime.spi.Snapshot",
          "Patch", "io.github.synced.runtime.spi.Patch",
          "Sync", "io.github.synced.runtime.spi.EntityType",
          "Json", "io.github.synced.runtime.json.JsonCodec");

  /** Qualified names of the types this processor has generated (or tried to). */
  private final Set<String> written = new HashSet<>();

  private final ProcessingEnvironment processingEnv;

  /** Writes through the element utilities and filer of {@code processingEnv}. */
  GeneratedFiles(ProcessingEnvironment processingEnv) {
    this.processingEnv = processingEnv;
  }

  /**
   * Reports each of {@code files} whose name a type other than this processor's output already has.
   */
  void checkNamesFree(
      TypeElement type, EntityModel model, List<TypeSpec.Builder> files, Reporter reporter) {
    for (TypeSpec.Builder builder : files) {
      String name = model.packageName() + "." + builder.build().name();
      TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
      if (!written.contains(name) && existing != null && !earlierOutput(existing, type)) {
        reporter.report(
            type, Message.NAME_TAKEN, builder.build().name(), type.getSimpleName(), name);
      }
    }
  }

  /**
   * Writes {@code files}, naming {@code java.lang} types whose simple names a type of the entity's
   * package shadows by their qualified names; a failure is reported and ends the writing.
   */
  void write(TypeElement type, EntityModel model, List<TypeSpec.Builder> files, Reporter reporter) {
    List<String> shadowing =
        javaLangNamesShadowedIn(processingEnv.getElementUtils().getPackageOf(type));
    for (TypeSpec.Builder builder : files) {
      TypeSpec file =
          builder
              .addOriginatingElement(type)
              .alwaysQualify(shadowing.toArray(new String[0]))
              .build();
      written.add(model.packageName() + "." + file.name());
      try {
        JavaFile.builder(model.packageName(), file)
            .skipJavaLangImports(true)
            .build()
            .writeTo(processingEnv.getFiler());
      } catch (IOException e) {
        reporter.report(
            type, Message.WRITE_FAILED, file.name(), type.getSimpleName(), e.getMessage());
        return;
      }
    }
  }

  /**
   * The simple names of the types in {@code pkg} that shadow a {@code java.lang} type, such as a
   * class {@code Character}: generated code in {@code pkg} must name those {@code java.lang} types
   * by their qualified names.
   */
  private List<String> javaLangNamesShadowedIn(PackageElement pkg) {
    List<String> names = new ArrayList<>();
    for (Element member : pkg.getEnclosedElements()) {
      String name = member.getSimpleName().toString();
      if (processingEnv.getElementUtils().getTypeElement("java.lang." + name) != null) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  /**
   * Whether {@code existing} is what this processor generated for {@code entity} in an earlier
   * compilation (an incremental build leaves it on the class path): it implements the interface the
   * generated type implements, for {@code entity}, or (mutations) takes a store of it.
   */
  private boolean earlierOutput(TypeElement existing, TypeElement entity) {
    String simple = existing.getSimpleName().toString();
    for (Map.Entry<String, String> e : OUTPUT_INTERFACES.entrySet()) {
      if (simple.endsWith(e.getKey())) {
        for (TypeMirror i : existing.getInterfaces()) {
          if (i instanceof DeclaredType d
              && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(e.getValue())
              && (d.getTypeArguments().isEmpty() || mentions(d, entity))) {
            return true;
          }
        }
      }
    }
    if (simple.endsWith("Mutations")) {
      for (var c : ElementFilter.constructorsIn(existing.getEnclosedElements())) {
        for (var param : c.getParameters()) {
          if (param.asType() instanceof DeclaredType d
              && ((TypeElement) d.asElement())
                  .getQualifiedName()
                  .contentEquals("io.github.synced.runtime.SyncStore")
              && mentions(d, entity)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the last type argument of {@code type} is {@code entity}. */
  private boolean mentions(DeclaredType type, TypeElement entity) {
    List<? extends TypeMirror> args = type.getTypeArguments();
    return !args.isEmpty()
        && processingEnv
            .getTypeUtils()
            .isSameType(
                processingEnv.getTypeUtils().erasure(args.get(args.size() - 1)),
                processingEnv.getTypeUtils().erasure(entity.asType()));
  }
}
