package io.github.synced.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import io.github.synced.processor.diag.Message;
import io.github.synced.processor.diag.Reporter;
import io.github.synced.processor.generate.FieldWriter;
import io.github.synced.processor.generate.JsonWriter;
import io.github.synced.processor.generate.MutationsWriter;
import io.github.synced.processor.generate.PatchWriter;
import io.github.synced.processor.generate.SnapshotWriter;
import io.github.synced.processor.generate.SyncWriter;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.scan.EntityScanner;
import io.github.synced.processor.scan.Lombok;
import io.github.synced.processor.scan.ScannedEntity;
import io.github.synced.processor.scan.Visibility;
import io.github.synced.processor.validate.EntityValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Generates the typed synchronization code of every {@code @Synced} type: {@code XField}, {@code
 * XSnapshot}, {@code XPatch}, {@code XSync}, {@code XMutations} and, where Jackson (2 or 3) is on
 * the compile class path, {@code XJson}.
 *
 * <p>Per type: scan, validate (every problem reported at its element, all in one pass), build an
 * immutable model, generate. A type with an error gets no generated code; a problem in one type
 * never stops the others. Types that reference types not generated yet are retried in the next
 * round.
 *
 * <p>Claims Synced's four annotations and no others; {@link SyncedOutputProcessor}, in the same
 * jar, claims the {@code @Generated} on the output.
 */
@AutoService(Processor.class)
public final class SyncedProcessor extends AbstractProcessor {

  /** Interface members whose Synced annotations were reported where they are written. */
  private final Set<Element> reportedOnInterfaces = new HashSet<>();

  private static final String JACKSON_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";
  private static final String JACKSON_PARSER = "com.fasterxml.jackson.core.JsonParser";
  private static final String JACKSON3_MAPPER = "tools.jackson.databind.ObjectMapper";
  private static final String JACKSON3_PARSER = "tools.jackson.core.JsonParser";
  private static final String JSON_CODEC = "io.github.synced.runtime.json.JsonCodec";
  private static final List<Class<? extends Annotation>> MEMBER_ANNOTATIONS =
      List.of(SyncId.class, SyncVersion.class, LocalOnly.class);

  /** Qualified names of the types this processor has generated (or tried to). */
  private final Set<String> written = new HashSet<>();

  /** Qualified names of types deferred to the next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** Qualified names of the superclasses of every {@code @Synced} type seen so far. */
  private final Set<String> entitySuperclasses = new HashSet<>();

  /** Lombok-annotated types deferred once to see Lombok's changes. */
  private final Set<String> awaitingLombok = new HashSet<>();

  private Lombok lombok;
  private Visibility visibility;
  private EntityScanner scanner;
  private EntityValidator validator;

  /** Creates the processor; javac calls {@link #init} before use. */
  public SyncedProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    scanner = new EntityScanner(env.getElementUtils(), env.getTypeUtils());
    lombok = new Lombok(env.getElementUtils());
    visibility = new Visibility(env.getElementUtils());
    validator = new EntityValidator(env.getElementUtils());
  }

  /**
   * Synced's four annotations, which it claims; nothing else. ({@link SyncedOutputProcessor} claims
   * the {@code @Generated} on Synced's output.)
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(Synced.class.getCanonicalName());
    for (Class<? extends Annotation> annotation : MEMBER_ANNOTATIONS) {
      names.add(annotation.getCanonicalName());
    }
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Map<String, TypeElement> types = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.put(name, type);
      }
    }
    deferred.clear();
    List<TypeElement> annotated =
        new ArrayList<>(ElementFilter.typesIn(round.getElementsAnnotatedWith(Synced.class)));
    annotated.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement type : annotated) {
      types.putIfAbsent(type.getQualifiedName().toString(), type);
    }
    for (TypeElement type : types.values()) {
      rememberSuperclasses(type);
    }
    checkMemberAnnotations(round);
    for (TypeElement type : types.values()) {
      String name = type.getQualifiedName().toString();
      if (!round.processingOver() && lombok.mayChange(type) && awaitingLombok.add(name)) {
        // Lombok may run after us in this round; its changes are visible in the next, which
        // Lombok forces.
        deferred.add(name);
        continue;
      }
      process(type, round.processingOver());
    }
    return true;
  }

  /**
   * Reports Synced member annotations on the methods of interfaces that {@code type} or its
   * superclasses implement, which Synced never reads: at the entity, since an interface from the
   * class path has no source to point at (one compiled with the entity was reported at its member
   * already). Without this, a {@code @LocalOnly} on an interface's getter would leave the field
   * synced without a word.
   */
  private boolean interfaceAnnotations(TypeElement type, Reporter reporter) {
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
        for (Class<? extends Annotation> annotation : MEMBER_ANNOTATIONS) {
          if (method.getAnnotation(annotation) == null || reportedOnInterfaces.contains(method)) {
            continue;
          }
          String name = annotation.getSimpleName();
          String property = EntityScanner.propertyOf(method.getSimpleName().toString());
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

  private void rememberSuperclasses(TypeElement type) {
    for (TypeMirror s = type.getSuperclass();
        s.getKind() == TypeKind.DECLARED;
        s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass()) {
      entitySuperclasses.add(
          ((TypeElement) ((DeclaredType) s).asElement()).getQualifiedName().toString());
    }
  }

  /** Reports Synced member annotations in types that are neither entities nor their bases. */
  private void checkMemberAnnotations(RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    for (Class<? extends Annotation> annotation : MEMBER_ANNOTATIONS) {
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

  /**
   * Processes one type; an unexpected exception is reported as an error at the type, so that it
   * never stops the other types.
   */
  private void process(TypeElement type, boolean lastRound) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    try {
      process(type, lastRound, reporter);
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      reporter.report(
          type, Message.UNEXPECTED, type.getQualifiedName(), e.getClass().getName(), trace);
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

  private void process(TypeElement type, boolean lastRound, Reporter reporter) {
    if (!validator.validateType(type, reporter)) {
      return;
    }
    Optional<EntityScanner.Unresolved> unresolved = scanner.unresolved(type);
    if (unresolved.isPresent()) {
      if (lastRound) {
        EntityScanner.Unresolved u = unresolved.get();
        reporter.report(
            u.element(), Message.UNRESOLVED_TYPE, u.name(), type.getSimpleName(), u.type(), type);
      } else {
        deferred.add(type.getQualifiedName().toString());
      }
      return;
    }
    if (interfaceAnnotations(type, reporter)) {
      return;
    }
    Optional<String> accessors = lombok.unreadableAccessors(type);
    if (accessors.isPresent()) {
      reporter.report(
          type, Message.LOMBOK_ACCESSORS, type.getSimpleName(), accessors.get(), accessors.get());
      return;
    }
    if (lombok.didNotRun(type)) {
      reporter.report(
          type,
          Message.LOMBOK_NOT_RUN,
          type.getSimpleName(),
          String.join(", ", lombok.annotations(type)));
      return;
    }
    ScannedEntity entity = scanner.scan(type);
    validator.validate(entity, reporter);
    if (reporter.hasErrors()) {
      return;
    }
    // One codec serves both Jacksons (it names neither): made where either is there to run it.
    boolean json =
        ((visibility.visible(type, JACKSON_MAPPER) && visibility.visible(type, JACKSON_PARSER))
                || (visibility.visible(type, JACKSON3_MAPPER)
                    && visibility.visible(type, JACKSON3_PARSER)))
            && visibility.visible(type, JSON_CODEC);
    EntityModel model =
        entity.toModel(
            json,
            processingEnv.getSourceVersion().compareTo(SourceVersion.RELEASE_8) > 0
                && visibility.visible(type, SyncedOutputProcessor.GENERATED));
    List<TypeSpec.Builder> files = new ArrayList<>();
    files.add(new FieldWriter().write(model));
    files.add(new SnapshotWriter().write(model));
    files.add(new PatchWriter().write(model));
    files.add(new SyncWriter().write(model));
    files.add(new MutationsWriter().write(model));
    if (json) {
      files.add(new JsonWriter().write(model));
    }
    for (TypeSpec.Builder builder : files) {
      String name = model.packageName() + "." + builder.build().name();
      TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
      if (!written.contains(name) && existing != null && !earlierOutput(existing, type)) {
        reporter.report(
            type, Message.NAME_TAKEN, builder.build().name(), type.getSimpleName(), name);
      }
    }
    if (reporter.hasErrors()) {
      return;
    }
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

  /** The SPI types our generated types implement, by the suffix of their names. */
  private static final Map<String, String> OUTPUT_INTERFACES =
      Map.of(
          "Field", "io.github.synced.runtime.spi.EntityField",
          "Snapshot", "io.github.synced.runtime.spi.Snapshot",
          "Patch", "io.github.synced.runtime.spi.Patch",
          "Sync", "io.github.synced.runtime.spi.EntityType",
          "Json", "io.github.synced.runtime.json.JsonCodec");

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
