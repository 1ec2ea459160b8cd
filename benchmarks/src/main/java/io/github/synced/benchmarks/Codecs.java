package io.github.synced.benchmarks;

import com.dslplatform.json.DslJson;

/** DSL-JSON as the benchmarks use it, made once per benchmark state. */
public final class Codecs {

  private Codecs() {}

  /**
   * DSL-JSON with only the converters its annotation processor compiled (found through the service
   * loader), no runtime analysis: the generated converter for {@code Item} is what runs.
   */
  public static DslJson<Object> dslJson() {
    return new DslJson<>(new DslJson.Settings<>().includeServiceLoader());
  }
}
