package io.github.synced.benchmarks;

import com.dslplatform.json.DslJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.benchmarks.model.ItemJson;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** The JSON codecs under test, made once per benchmark state. */
public final class Codecs {

  private Codecs() {}

  /**
   * The generated codec. Its constructor is due to change (it may stop taking an {@code
   * ObjectMapper} it does not use), so it is found at setup time, never on a measured path: the
   * benchmarks keep compiling and running through that change.
   */
  public static ItemJson itemJson(ObjectMapper mapper) {
    try {
      for (Constructor<?> c : ItemJson.class.getConstructors()) {
        if (c.getParameterCount() == 0) {
          return (ItemJson) c.newInstance();
        }
        if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isInstance(mapper)) {
          return (ItemJson) c.newInstance(mapper);
        }
      }
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot make ItemJson", e);
    }
    throw new IllegalStateException("ItemJson has no constructor taking nothing or a mapper");
  }

  /**
   * DSL-JSON with only the converters its annotation processor compiled (found through the service
   * loader), no runtime analysis: the generated converter for {@code Item} is what runs.
   */
  public static DslJson<Object> dslJson() {
    return new DslJson<>(new DslJson.Settings<>().includeServiceLoader());
  }
}
