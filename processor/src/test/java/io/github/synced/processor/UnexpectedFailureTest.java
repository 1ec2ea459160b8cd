package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.synced.processor.Sources.lineOf;
import static io.github.synced.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.github.synced.processor.diag.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unexpected exception while processing one type is an error at that type, not a crash. */
class UnexpectedFailureTest {

  private static final JavaFileObject BROKEN =
      source(
          "test.Broken",
          "package test;",
          "import io.github.synced.*;",
          "@Synced",
          "public class Broken {",
          "  @SyncId String id;",
          "  @SyncVersion long v;",
          "}");

  private static final JavaFileObject FINE =
      source(
          "test.Fine",
          "package test;",
          "import io.github.synced.*;",
          "@Synced",
          "public class Fine {",
          "  @SyncId String id;",
          "  @SyncVersion long v;",
          "}");

  @Test
  void unexpectedExceptionIsAnErrorAtTheTypeAndTheOthersAreStillGenerated(@TempDir Path dir) {
    Compilation c =
        javac().withProcessors(new FailingFilerProcessor("test.BrokenPatch")).compile(BROKEN, FINE);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "[SyncedUnexpected] Synced could not process test.Broken because of an unexpected"
                + " java.lang.IllegalStateException; this is a bug in Synced, please report it"
                + " with this message and the entity's source: java.lang.IllegalStateException:"
                + " injected failure for test.BrokenPatch")
        .inFile(BROKEN)
        .onLine(lineOf(BROKEN, "class Broken"));
    assertEquals(
        List.of(
            "BrokenField.java",
            "BrokenSnapshot.java",
            "FineField.java",
            "FineJson.java",
            "FineMutations.java",
            "FinePatch.java",
            "FineSnapshot.java",
            "FineSync.java"),
        Sources.generatedNames(
            dir, List.of(new FailingFilerProcessor("test.BrokenPatch")), BROKEN, FINE));
  }

  @Test
  void theMessageStartsWithItsTag() {
    org.junit.jupiter.api.Assertions.assertTrue(
        Message.UNEXPECTED.format("a", "b", "c").startsWith("[SyncedUnexpected] "));
  }

  /** Runs the real processor with a filer that fails for one file name. */
  private static final class FailingFilerProcessor extends AbstractProcessor {
    private final SyncedProcessor delegate = new SyncedProcessor();
    private final String failing;

    FailingFilerProcessor(String failing) {
      this.failing = failing;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      delegate.init(new FailingEnvironment(env, failing));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }

  private record FailingEnvironment(ProcessingEnvironment env, String failing)
      implements ProcessingEnvironment {
    @Override
    public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override
    public Messager getMessager() {
      return env.getMessager();
    }

    @Override
    public Filer getFiler() {
      Filer filer = env.getFiler();
      return new Filer() {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originating)
            throws IOException {
          if (name.toString().equals(failing)) {
            throw new IllegalStateException("injected failure for " + name);
          }
          return filer.createSourceFile(name, originating);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originating)
            throws IOException {
          return filer.createClassFile(name, originating);
        }

        @Override
        public FileObject createResource(
            JavaFileManager.Location location,
            CharSequence moduleAndPkg,
            CharSequence relativeName,
            Element... originating)
            throws IOException {
          return filer.createResource(location, moduleAndPkg, relativeName, originating);
        }

        @Override
        public FileObject getResource(
            JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
            throws IOException {
          return filer.getResource(location, moduleAndPkg, relativeName);
        }
      };
    }

    @Override
    public Elements getElementUtils() {
      return env.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return env.getLocale();
    }
  }
}
