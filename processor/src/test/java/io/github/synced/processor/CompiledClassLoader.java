package io.github.synced.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.JavaFileObject;

/** Loads classes from a compilation's in-memory class output, delegating the rest. */
final class CompiledClassLoader extends ClassLoader {
  private final List<JavaFileObject> files;

  CompiledClassLoader(List<JavaFileObject> files) {
    super(CompiledClassLoader.class.getClassLoader());
    this.files = files;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = "/" + name.replace('.', '/') + ".class";
    for (JavaFileObject file : files) {
      if (file.getKind() == JavaFileObject.Kind.CLASS && file.getName().endsWith(path)) {
        try (InputStream in = file.openInputStream()) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new ClassNotFoundException(name);
  }
}
