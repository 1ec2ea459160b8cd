package io.github.synced.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
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
import javax.lang.model.element.TypeElement;
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

  private static final String JACKSON_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";
  private static final String JACKSON_PARSER = "com.fasterxml.jackson.core.JsonParser";
  private static final String JACKSON3_MAPPER = "tools.jackson.databind.ObjectMapper";
  private static final String JACKSON3_PARSER = "tools.jackson.core.JsonParser";
  private static final String JSON_CODEC = "io.github.synced.runtime.json.JsonCodec";

  /** Qualified names of types deferred to the next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** Lombok-annotated types deferred once to see Lombok's changes. */
  private final Set<String> awaitingLombok = new HashSet<>();

  private Lombok lombok;
  private Visibility visibility;
  private EntityScanner scanner;
  private EntityValidator validator;
  private MemberAnnotations memberAnnotations;
  private GeneratedFiles generatedFiles;

  /** Creates the processor; javac calls {@link #init} before use. */
  public SyncedProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    scanner = new EntityScanner(env.getElementUtils(), env.getTypeUtils());
    lombok = new Lombok(env.getElementUtils());
    visibility = new Visibility(env.getElementUtils());
    validator = new EntityValidator(env.getElementUtils());
    memberAnnotations = new MemberAnnotations(env);
    generatedFiles = new GeneratedFiles(env);
  }

  /**
   * Synced's four annotations, which it claims; nothing else. ({@link SyncedOutputProcessor} claims
   * the {@code @Generated} on Synced's output.)
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(Synced.class.getCanonicalName());
    for (Class<? extends Annotation> annotation : MemberAnnotations.ANNOTATIONS) {
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
      memberAnnotations.rememberSuperclasses(type);
    }
    memberAnnotations.checkPlacement(round);
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
    if (memberAnnotations.interfaceAnnotations(type, reporter)) {
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
    generatedFiles.checkNamesFree(type, model, files, reporter);
    if (reporter.hasErrors()) {
      return;
    }
    generatedFiles.write(type, model, files, reporter);
  }
}
