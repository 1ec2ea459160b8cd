package io.github.synced.modulecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.json.JsonCodecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generated code of a named module compiled (the build would fail otherwise) and works. */
class NamedModuleConsumerTest {

  private static final Path GENERATED =
      Path.of("target/generated-sources/annotations/io/github/synced/modulecheck");

  @Test
  void generatedCodeNamesNothingTheModuleDoesNotRead() throws IOException {
    assertFalse(
        Files.readString(GENERATED.resolve("CardSync.java")).contains("javax.annotation"),
        "no @Generated: the module does not read java.compiler");
  }

  @Test
  void generatedCodeWorks() throws IOException {
    Card local = new Card("c1", "Old", 1);
    local.open(true);
    Card merged = CardSync.TYPE.merge(local, new Card("c1", "New", 2));
    assertEquals("New", merged.title());
    assertTrue(merged.open(), "local-only kept");
    ObjectMapper mapper = new ObjectMapper();
    CardJson json = new CardJson();
    Card read =
        JsonCodecs.readEntity(
            mapper,
            json,
            "{\"id\":\"c1\",\"title\":\"T\",\"version\":3}".getBytes(StandardCharsets.UTF_8),
            null);
    assertEquals("T", read.title());
  }

  @Test
  void theRuntimeIsTheAutomaticModuleItsManifestNames() {
    assertEquals(
        "io.github.synced.runtime", CardSync.class.getInterfaces()[0].getModule().getName());
    assertEquals(
        "io.github.synced.annotations", io.github.synced.Synced.class.getModule().getName());
  }
}
