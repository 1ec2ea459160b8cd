package io.github.synced.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code inside a named module: it names only what the module reads. The annotations and
 * the runtime are automatic modules (jars with {@code Automatic-Module-Name}), the processor runs
 * from the processor path, and javac runs with {@code -Xlint:all -Werror}.
 */
class NamedModuleTest {

  private static final String ITEM =
      String.join(
          "\n",
          "package com.example.app;",
          "import io.github.synced.*;",
          "@Synced",
          "public class Item {",
          "  @SyncId String id;",
          "  String name;",
          "  @SyncVersion long version;",
          "}");

  @TempDir Path dir;

  @Test
  void generatedCodeCompilesWithoutRequiringJavaCompiler() throws IOException {
    Path gen = compile("");
    String sync = Files.readString(gen.resolve("com/example/app/ItemSync.java"));
    assertFalse(sync.contains("javax.annotation.processing"), sync);
    assertFalse(Files.exists(gen.resolve("com/example/app/ItemJson.java")), "no Jackson read");
  }

  @Test
  void generatedCarriesGeneratedWhereTheModuleReadsJavaCompiler() throws IOException {
    Path gen = compile("  requires java.compiler;\n");
    String sync = Files.readString(gen.resolve("com/example/app/ItemSync.java"));
    assertTrue(sync.contains("@Generated(\"io.github.synced.processor.SyncedProcessor\")"), sync);
  }

  @Test
  void jsonCodecIsGeneratedWhereTheModuleReadsJackson() throws IOException {
    Path gen = compile("  requires com.fasterxml.jackson.databind;\n");
    assertTrue(Files.exists(gen.resolve("com/example/app/ItemJson.java")));
  }

  /** Compiles module {@code com.example.app} with {@code extraRequires}; returns the sources. */
  private Path compile(String extraRequires) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/com/example/app"));
    Files.writeString(
        dir.resolve("src/module-info.java"),
        "module com.example.app {\n"
            + "  requires static io.github.synced.annotations;\n"
            + "  requires io.github.synced.runtime;\n"
            + extraRequires
            + "}\n");
    Files.writeString(src.resolve("Item.java"), ITEM);
    Path modules = Files.createDirectories(dir.resolve("modules"));
    List<String> modulePath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (contains(path, "io/github/synced/Synced.class")) {
        modulePath.add(
            jar(path, modules.resolve("annotations.jar"), "io.github.synced.annotations"));
      } else if (contains(path, "io/github/synced/runtime/SyncStore.class")) {
        modulePath.add(jar(path, modules.resolve("runtime.jar"), "io.github.synced.runtime"));
      } else if (path.getFileName().toString().startsWith("jackson-")) {
        modulePath.add(entry);
      }
    }
    Path gen = Files.createDirectories(dir.resolve("gen"));
    List<String> options =
        List.of(
            "-Xlint:all,-requires-automatic",
            "-Werror",
            "--module-path",
            String.join(File.pathSeparator, modulePath),
            "-processorpath",
            System.getProperty("java.class.path"),
            "-processor",
            SyncedProcessor.class.getName() + "," + SyncedOutputProcessor.class.getName(),
            "-d",
            dir.resolve("classes").toString(),
            "-s",
            gen.toString(),
            dir.resolve("src/module-info.java").toString(),
            src.resolve("Item.java").toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    int status =
        javac.run(
            null, new WriterStream(out), new WriterStream(out), options.toArray(new String[0]));
    assertEquals(0, status, out.toString());
    return gen;
  }

  private static boolean contains(Path entry, String resource) throws IOException {
    if (Files.isDirectory(entry)) {
      return Files.exists(entry.resolve(resource));
    }
    if (!entry.toString().endsWith(".jar") || !Files.exists(entry)) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getEntry(resource) != null;
    }
  }

  /** A jar of the classes at {@code from} (a folder or a jar) named {@code module}. */
  private static String jar(Path from, Path to, String module) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", module);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), manifest)) {
      if (Files.isDirectory(from)) {
        try (Stream<Path> files = Files.walk(from)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            out.putNextEntry(new JarEntry(from.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, out);
            out.closeEntry();
          }
        }
      } else {
        try (JarFile jar = new JarFile(from.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (entry.isDirectory() || entry.getName().equals("META-INF/MANIFEST.MF")) {
              continue;
            }
            out.putNextEntry(new JarEntry(entry.getName()));
            try (InputStream in = jar.getInputStream(entry)) {
              in.transferTo(out);
            }
            out.closeEntry();
          }
        }
      }
    }
    return to.toString();
  }

  /** An output stream that writes UTF-8 text into a writer. */
  private static final class WriterStream extends OutputStream {
    private final StringWriter writer;

    WriterStream(StringWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
  }
}
