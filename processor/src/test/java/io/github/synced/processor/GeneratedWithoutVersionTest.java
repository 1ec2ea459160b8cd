package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.github.synced.runtime.spi.EntityType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated code of an entity without {@code @SyncVersion} (which users who compile with {@code
 * -Werror} cannot build, so it is tested here): compiled with the real processor, loaded, and
 * called through the runtime's interface.
 */
class GeneratedWithoutVersionTest {

  @Test
  void entityWithoutVersionHasNoVersionAndComparesEqual() throws Exception {
    Compilation c =
        Sources.compile(
            Sources.source(
                "test.Item",
                "package test;",
                "import io.github.synced.*;",
                "@Synced",
                "public class Item {",
                "  @SyncId String id;",
                "  String name;",
                "  @LocalOnly boolean open;",
                "}"));
    assertThat(c).succeeded();
    assertEquals(1, c.warnings().size(), "only the missing-version warning");
    ClassLoader loader = new CompiledClassLoader(c.generatedFiles());
    @SuppressWarnings("unchecked")
    EntityType<String, Object> type =
        (EntityType<String, Object>) loader.loadClass("test.ItemSync").getField("TYPE").get(null);
    Object a = type.type().getDeclaredConstructor().newInstance();
    Object b = type.copy(a);
    type.withId(a, "a1");

    assertFalse(type.hasVersion());
    assertNull(type.version(a));
    assertEquals(0, type.compareVersions(a, b));
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, type::versionField);
    assertEquals("Item has no @SyncVersion field", e.getMessage());
    assertEquals(List.of("id", "name"), type.fields().stream().map(f -> f.fieldName()).toList());
    assertEquals("a1", type.id(a));
    assertEquals(Set.of(type.idField()), type.diff(a, b));
  }
}
