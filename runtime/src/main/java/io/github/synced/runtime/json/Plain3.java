package io.github.synced.runtime.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationFeature;

/**
 * Whether a Jackson 3 mapper reads and writes plain JSON as a default one does, so that the byte
 * reader and writer give what it would; {@link Plain} is the same for Jackson 2. Its factory is
 * Jackson's JSON factory itself, undecorated and without custom escapes; it writes with the default
 * stream and JSON write features and no indentation, and reads without strict duplicate detection
 * (the only read feature that refuses well-formed JSON). A Jackson 3 mapper is immutable, and the
 * checks are a few comparisons: nothing is kept.
 */
final class Plain3 {

  private static final int STREAM_WRITE_FEATURES = StreamWriteFeature.collectDefaults();
  private static final int JSON_WRITE_FEATURES = JsonWriteFeature.collectDefaults();

  private Plain3() {}

  private static boolean isJson(TokenStreamFactory factory) {
    return factory.getClass() == JsonFactory.class;
  }

  /** Whether {@code mapper} reads JSON as the byte reader does. */
  static boolean reads(ObjectMapper mapper) {
    TokenStreamFactory factory = mapper.tokenStreamFactory();
    return isJson(factory)
        && ((JsonFactory) factory).getInputDecorator() == null
        && !factory.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        && !mapper.deserializationConfig().isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  /** Whether {@code mapper} writes JSON as the byte writer does. */
  static boolean writes(ObjectMapper mapper) {
    TokenStreamFactory factory = mapper.tokenStreamFactory();
    if (!isJson(factory)) {
      return false;
    }
    JsonFactory json = (JsonFactory) factory;
    SerializationConfig config = mapper.serializationConfig();
    return json.getOutputDecorator() == null
        && (json.getGeneratorDecorators() == null || json.getGeneratorDecorators().isEmpty())
        && json.getCharacterEscapes() == null
        && json.getStreamWriteFeatures() == STREAM_WRITE_FEATURES
        && json.getFormatWriteFeatures() == JSON_WRITE_FEATURES
        && config.getStreamWriteFeatures() == STREAM_WRITE_FEATURES
        && config.getFormatWriteFeatures() == JSON_WRITE_FEATURES
        && !config.isEnabled(SerializationFeature.INDENT_OUTPUT);
  }
}
