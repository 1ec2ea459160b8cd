package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API of generated {@code XMutations} for shapes the golden files do not show: a
 * primitive id (boxed in every signature) and entities without local-only fields (no {@code local}
 * method, since it could change nothing). Compiled with {@code -Werror} and loaded.
 */
class GeneratedMutationsShapeTest {

  /** {@code name(ParamType, ...) -> ReturnType} of every public method, sorted. */
  private static List<String> publicMethods(Compilation c, String className) throws Exception {
    Class<?> type = new CompiledClassLoader(c.generatedFiles()).loadClass(className);
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(GeneratedMutationsShapeTest::signature)
        .sorted()
        .toList();
  }

  private static String signature(Method m) {
    return m.getName()
        + Arrays.stream(m.getGenericParameterTypes())
            .map(t -> t.getTypeName().replace("java.util.function.", "").replace("test.", ""))
            .collect(Collectors.joining(", ", "(", ")"))
        + " -> "
        + m.getGenericReturnType().getTypeName().replace("io.github.synced.runtime.", "");
  }

  @Test
  void classWithPrimitiveIdAndNoLocalOnlyFieldGetsBoxedIdsAndNoLocalEdit() throws Exception {
    Compilation c =
        Sources.compileStrict(
            List.of(
                Sources.source(
                    "test.Counter",
                    "package test;",
                    "import io.github.synced.*;",
                    "@Synced",
                    "public class Counter {",
                    "  @SyncId long id;",
                    "  int count;",
                    "  @SyncVersion long version;",
                    "}")));
    assertThat(c).succeededWithoutWarnings();

    assertEquals(
        List.of(
            "create(Counter) -> Mutation<java.lang.Long, test.Counter>",
            "delete(java.lang.Long) -> Mutation<java.lang.Long, test.Counter>",
            "modify(java.lang.Long, Consumer<? super Counter>) -> Mutation<java.lang.Long,"
                + " test.Counter>",
            "pendingFields(java.lang.Long) -> java.util.Map<test.CounterField,"
                + " java.util.List<Mutation<java.lang.Long, test.Counter>>>",
            "store() -> SyncStore<java.lang.Long, test.Counter>",
            "update(java.lang.Long, CounterPatch) -> Mutation<java.lang.Long, test.Counter>",
            "update(java.lang.Long, UnaryOperator<CounterPatch>) -> Mutation<java.lang.Long,"
                + " test.Counter>"),
        publicMethods(c, "test.CounterMutations"));
  }

  @Test
  void recordWithOnlyIdAndVersionGetsUpdaterOverRecordsAndNoLocalEdit() throws Exception {
    Compilation c =
        Sources.compileStrict(
            List.of(
                Sources.source(
                    "test.Tag",
                    "package test;",
                    "import io.github.synced.*;",
                    "@Synced",
                    "public record Tag(@SyncId String id, @SyncVersion int version) {}")));
    assertThat(c).succeededWithoutWarnings();

    assertEquals(
        List.of(
            "create(Tag) -> Mutation<java.lang.String, test.Tag>",
            "delete(java.lang.String) -> Mutation<java.lang.String, test.Tag>",
            "modifyWith(java.lang.String, UnaryOperator<Tag>) -> Mutation<java.lang.String,"
                + " test.Tag>",
            "pendingFields(java.lang.String) -> java.util.Map<test.TagField,"
                + " java.util.List<Mutation<java.lang.String, test.Tag>>>",
            "store() -> SyncStore<java.lang.String, test.Tag>",
            "update(java.lang.String, TagPatch) -> Mutation<java.lang.String, test.Tag>",
            "update(java.lang.String, UnaryOperator<TagPatch>) -> Mutation<java.lang.String,"
                + " test.Tag>"),
        publicMethods(c, "test.TagMutations"));
  }
}
