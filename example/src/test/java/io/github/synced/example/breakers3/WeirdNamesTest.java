package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodecs;
import org.junit.jupiter.api.Test;

class WeirdNamesTest {
  @Test
  void namesThatNeedEscapingSurviveBothJacksons() throws Exception {
    Weird w = new Weird();
    w.id = "w1";
    w.label = "L";
    w.version = 4;
    byte[] b2 =
        JsonCodecs.writeEntity(
            new com.fasterxml.jackson.databind.ObjectMapper(), new WeirdJson(), w);
    byte[] b3 =
        Json3Codecs.writeEntity(new tools.jackson.databind.ObjectMapper(), new WeirdJson(), w);
    JsonNode t = new com.fasterxml.jackson.databind.ObjectMapper().readTree(b3);
    assertEquals("L", t.path("we\"ird\\name é\tx").asText(), t.toString());
    assertEquals(4, t.path("@version").asLong(), t.toString());
    assertEquals(t, new com.fasterxml.jackson.databind.ObjectMapper().readTree(b2));
    Weird back =
        Json3Codecs.readEntity(
            new tools.jackson.databind.ObjectMapper(), new WeirdJson(), b2, "w1");
    assertEquals("L", back.label);
    assertEquals(4, back.version);
  }
}
