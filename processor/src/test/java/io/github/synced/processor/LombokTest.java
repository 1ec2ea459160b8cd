package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.synced.processor.Sources.lineOf;
import static io.github.synced.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.google.testing.compile.Compilation;
import io.github.synced.processor.diag.Message;
import io.github.synced.runtime.spi.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entities written with Lombok, compiled by javac with Lombok's annotation processor and ours, in
 * both orders: Lombok adds the accessors (and makes fields private or final) in the round it runs,
 * which may come after ours.
 */
class LombokTest {

  private static final JavaFileObject DATA =
      source(
          "test.Task",
          "package test;",
          "import io.github.synced.*;",
          "@lombok.Data",
          "@Synced",
          "public class Task {",
          "  @SyncId private String id;",
          "  private String title;",
          "  private boolean done;",
          "  private boolean isActive;",
          "  @SyncVersion private long version;",
          "  @LocalOnly private boolean expanded;",
          "}");

  private static final JavaFileObject GETTER_SETTER =
      source(
          "test.Note",
          "package test;",
          "import io.github.synced.*;",
          "import lombok.AccessLevel;",
          "@lombok.Getter",
          "@lombok.Setter",
          "@lombok.experimental.FieldDefaults(level = AccessLevel.PRIVATE)",
          "@Synced",
          "public class Note {",
          "  @SyncId String id;",
          "  String text;",
          "  @SyncVersion long version;",
          "}");

  private static final JavaFileObject VALUE =
      source(
          "test.Card",
          "package test;",
          "import io.github.synced.*;",
          "@lombok.Value",
          "@lombok.NoArgsConstructor(force = true)",
          "@lombok.AllArgsConstructor",
          "@Synced",
          "public class Card {",
          "  @SyncId String id;",
          "  String title;",
          "  @LocalOnly boolean pinned;",
          "  @SyncVersion long version;",
          "}");

  /**
   * Lombok's processors (the one that changes the code, and the one that claims Lombok's
   * annotations), found as javac finds them on a processor path.
   */
  private static List<Processor> lombok() {
    return ServiceLoader.load(Processor.class).stream()
        .filter(p -> p.type().getName().startsWith("lombok."))
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  private static Compilation compile(boolean lombokFirst, JavaFileObject... sources) {
    List<Processor> processors = new ArrayList<>(lombok());
    assertEquals(2, processors.size(), "Lombok's processors: " + processors);
    processors.addAll(lombokFirst ? processors.size() : 0, Sources.processors());
    return javac().withProcessors(processors).withOptions("-Xlint:all", "-Werror").compile(sources);
  }

  @ParameterizedTest(name = "Lombok first: {0}")
  @ValueSource(booleans = {true, false})
  void lombokEntitiesCompileInEitherOrder(boolean lombokFirst) throws Exception {
    Compilation c = compile(lombokFirst, DATA, GETTER_SETTER, VALUE);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.TaskSync")
        .contentsAsUtf8String()
        .contains("local.setActive(server.isActive());");
    assertThat(c)
        .generatedSourceFile("test.NoteSync")
        .contentsAsUtf8String()
        .contains("local.setText(server.getText());");
    assertThat(c)
        .generatedSourceFile("test.CardSync")
        .contentsAsUtf8String()
        .contains("return new Card(");
  }

  @ParameterizedTest(name = "Lombok first: {0}")
  @ValueSource(booleans = {true, false})
  @SuppressWarnings("unchecked")
  void generatedCodeWorksOnLombokEntities(boolean lombokFirst) throws Exception {
    Compilation c = compile(lombokFirst, DATA, VALUE);
    ClassLoader loader = new CompiledClassLoader(c.generatedFiles());
    Class<?> task = loader.loadClass("test.Task");
    EntityType<String, Object> taskType =
        (EntityType<String, Object>) loader.loadClass("test.TaskSync").getField("TYPE").get(null);
    Object local = task.getConstructor().newInstance();
    task.getMethod("setExpanded", boolean.class).invoke(local, true);
    Object server = task.getConstructor().newInstance();
    task.getMethod("setTitle", String.class).invoke(server, "Buy milk");
    task.getMethod("setActive", boolean.class).invoke(server, true);
    taskType.merge(local, server);
    assertEquals("Buy milk", task.getMethod("getTitle").invoke(local));
    assertEquals(true, task.getMethod("isActive").invoke(local));
    assertEquals(true, task.getMethod("isExpanded").invoke(local), "local-only kept");

    Class<?> card = loader.loadClass("test.Card");
    EntityType<String, Object> cardType =
        (EntityType<String, Object>) loader.loadClass("test.CardSync").getField("TYPE").get(null);
    Object mine =
        card.getConstructor(String.class, String.class, boolean.class, long.class)
            .newInstance("c1", "Old", true, 1L);
    Object theirs =
        card.getConstructor(String.class, String.class, boolean.class, long.class)
            .newInstance("c1", "New", false, 2L);
    Object merged = cardType.merge(mine, theirs);
    assertNotSame(mine, merged);
    assertEquals("New", card.getMethod("getTitle").invoke(merged));
    assertEquals(true, card.getMethod("isPinned").invoke(merged), "local-only kept");
    assertEquals(Set.of(), cardType.diff(merged, theirs));
  }

  @Test
  void lombokEntityWithoutLombokRunningNamesTheFix() {
    Compilation c =
        javac().withProcessors(Sources.processors()).withOptions("-Xlint:all").compile(DATA);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(Message.LOMBOK_NOT_RUN.format("Task", "@Data"))
        .inFile(DATA)
        .onLine(lineOf(DATA, "class Task"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedLombokNotRun] @Synced type Task uses Lombok (@Data), but Lombok's annotation"
                + " processor did not run on it, so the getters and setters it adds are missing;"
                + " add org.projectlombok:lombok to the annotation processor path beside"
                + " synced-processor (annotationProcessorPaths in Maven, annotationProcessor in"
                + " Gradle; either order works): naming any processor there turns off the"
                + " discovery of all others");
    assertThat(c).hadErrorCount(1);
  }

  @ParameterizedTest(name = "Lombok first: {0}")
  @ValueSource(booleans = {true, false})
  void fluentOrPrefixedLombokAccessorsAreRefusedWithWhatToChange(boolean lombokFirst) {
    // Found by an outside tester: both were refused as "Lombok's annotation processor did not
    // run", although it had.
    JavaFileObject fluent =
        source(
            "test.Fluent",
            "package test;",
            "import io.github.synced.*;",
            "@lombok.Getter",
            "@lombok.Setter",
            "@lombok.experimental.Accessors(fluent = true)",
            "@Synced",
            "public class Fluent {",
            "  @SyncId private String id;",
            "  @SyncVersion private long version;",
            "}");
    Compilation c = compile(lombokFirst, fluent);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[SyncedLombokAccessors] @Synced type Fluent uses Lombok's @Accessors(fluent = true),"
                + " whose accessors are not JavaBeans getters and setters")
        .inFile(fluent)
        .onLine(lineOf(fluent, "class Fluent"));
    assertThat(c).hadErrorCount(1);

    JavaFileObject prefixed =
        source(
            "test.Prefixed",
            "package test;",
            "import io.github.synced.*;",
            "@lombok.Data",
            "@lombok.experimental.Accessors(prefix = \"m\")",
            "@Synced",
            "public class Prefixed {",
            "  @SyncId private String mId;",
            "  @SyncVersion private long mVersion;",
            "}");
    Compilation p = compile(lombokFirst, prefixed);
    assertThat(p).hadErrorContaining("[SyncedLombokAccessors] @Synced type Prefixed uses Lombok's");
    assertThat(p).hadErrorContaining("@Accessors(prefix = ");
    assertThat(p).hadErrorCount(1);
  }
}
