package io.github.synced.runtime.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Which Jackson 3 mappers the byte reader and writer stand in for. */
class Plain3Test {

  @Test
  void aDefaultMapperIsReadAndWrittenAsBytes() {
    ObjectMapper mapper = new ObjectMapper();
    assertTrue(Plain3.reads(mapper));
    assertTrue(Plain3.writes(mapper));
    assertTrue(Plain3.writes(JsonMapper.builder().build()));
  }

  @Test
  void aMapperThatWritesOtherBytesIsLeftToJackson() {
    assertFalse(
        Plain3.writes(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()));
    assertFalse(
        Plain3.writes(JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build()));
    assertFalse(
        Plain3.writes(
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build()));
  }

  @Test
  void aMapperThatRefusesDuplicateNamesIsLeftToJackson() {
    assertFalse(
        Plain3.reads(
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()));
  }
}
