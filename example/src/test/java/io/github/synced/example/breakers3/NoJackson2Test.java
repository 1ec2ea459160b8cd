package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README: HttpRemote uses Jackson 2 when it is on the class path and Jackson 3 otherwise. */
class NoJackson2Test {
  @Test
  void httpRemoteFallsBackToJackson3() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String n = e.replace('\\', '/');
      if (n.contains("/com/fasterxml/jackson/core/jackson-databind/")
          || n.contains("/com/fasterxml/jackson/core/jackson-core/")) {
        continue;
      }
      urls.add(Path.of(e).toUri().toURL());
    }
    try (Loopback server = new Loopback();
        URLClassLoader loader =
            new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      server.handler =
          r -> Loopback.Resp.json(200, "{\"id\":\"d1\",\"body\":\"x\",\"lock_version\":3}");
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, loader));
      Class<?> driver = Class.forName(NoJackson2Driver.class.getName(), true, loader);
      Object out = driver.getMethod("run", String.class).invoke(null, server.uri().toString());
      assertEquals("x@3", out, "README: HttpRemote uses Jackson 3 when Jackson 2 is absent");
    }
  }
}
