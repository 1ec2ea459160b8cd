package io.github.synced.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The runtime with Jackson 3 and no Jackson 2 on the class path, as a Spring Boot 4 application has
 * it: the JSON codecs and {@link HttpRemote} (built without a mapper, so it picks Jackson 3) work,
 * and nothing reaches for a Jackson 2 class (which would fail, as it is not there).
 */
class Jackson3AloneTest {

  @Test
  void theRuntimeWorksWithJackson3Alone() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      if (path.contains("/tools/jackson/")
          || path.contains("/jackson-annotations/")
          || path.endsWith("/target/classes")
          || path.endsWith("/target/test-classes")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    List<String> seen;
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      @SuppressWarnings("unchecked")
      Callable<List<String>> scenario =
          (Callable<List<String>>)
              loader
                  .loadClass(Jackson3Alone.class.getName())
                  .getDeclaredConstructor()
                  .newInstance();
      seen = scenario.call();
    }
    assertEquals("no Jackson 2", seen.get(0));
    assertEquals(
        "written {\"id\":\"n1\",\"text\":\"été\",\"priority\":null,\"version\":7}", seen.get(1));
    assertTrue(seen.get(2).startsWith("read "), seen.get(2));
    assertEquals(
        List.of("listed 2", "sent {\"text\":\"mine\"}"), List.of(seen.get(4), seen.get(5)));
    assertTrue(seen.get(3).contains("server"), seen.get(3));
    assertTrue(seen.get(6).contains("mine"), seen.get(6));
  }
}
