package io.github.synced.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Whether a mapper reads and writes plain JSON as a default {@link ObjectMapper} does, so that the
 * byte reader and writer give what it would: its factory is Jackson's JSON factory itself (not a
 * subclass, another format or a decorated one), it writes with the default generator features, no
 * custom escapes and no indentation, and reads without strict duplicate detection (the only parser
 * feature that refuses well-formed JSON). The verdict for the last configuration seen is kept: a
 * mapper's configuration objects are replaced, not changed, when it is configured, except the
 * factory's feature flags, which are compared on every call.
 */
final class Plain {

  private static final int GENERATOR_FEATURES = JsonGenerator.Feature.collectDefaults();
  private static final int FORMAT_GENERATOR_FEATURES =
      new JsonFactory().getFormatGeneratorFeatures();

  /** The last configuration judged, and the verdicts. */
  private record Verdict(
      SerializationConfig config, JsonFactory factory, int generatorFeatures, boolean writes) {}

  private static volatile Verdict last;

  private Plain() {}

  private static boolean isJson(JsonFactory factory) {
    Class<?> type = factory.getClass();
    return type == JsonFactory.class || type == MappingJsonFactory.class;
  }

  /** Whether {@code mapper} reads JSON as the byte reader does. */
  static boolean reads(ObjectMapper mapper) {
    JsonFactory factory = mapper.getFactory();
    return isJson(factory)
        && factory.getInputDecorator() == null
        && !mapper
            .getDeserializationConfig()
            .isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, factory);
  }

  /** Whether {@code mapper} writes JSON as the byte writer does. */
  static boolean writes(ObjectMapper mapper) {
    JsonFactory factory = mapper.getFactory();
    SerializationConfig config = mapper.getSerializationConfig();
    int features = factory.getGeneratorFeatures();
    Verdict v = last;
    if (v == null
        || v.config() != config
        || v.factory() != factory
        || v.generatorFeatures() != features) {
      v = new Verdict(config, factory, features, judgeWrites(factory, config));
      last = v;
    }
    return v.writes()
        && factory.getCharacterEscapes() == null
        && factory.getOutputDecorator() == null;
  }

  private static boolean judgeWrites(JsonFactory factory, SerializationConfig config) {
    if (!isJson(factory)
        || factory.getGeneratorFeatures() != GENERATOR_FEATURES
        || factory.getFormatGeneratorFeatures() != FORMAT_GENERATOR_FEATURES
        || config.isEnabled(SerializationFeature.INDENT_OUTPUT)) {
      return false;
    }
    for (JsonGenerator.Feature f : JsonGenerator.Feature.values()) {
      if (config.isEnabled(f, factory) != f.enabledByDefault()) {
        return false;
      }
    }
    return true;
  }
}
