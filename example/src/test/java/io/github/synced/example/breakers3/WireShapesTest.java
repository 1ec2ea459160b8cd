package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodecs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shapes real servers send: amounts as strings, dates as epoch numbers, a wrong type. */
class WireShapesTest {
  static Issue read(String jackson, String json) throws Exception {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return jackson.equals("j2")
        ? JsonCodecs.readEntity(
            new com.fasterxml.jackson.databind.ObjectMapper(), new IssueJson(), b, 7L)
        : Json3Codecs.readEntity(new tools.jackson.databind.ObjectMapper(), new IssueJson(), b, 7L);
  }

  static String describe(String jackson, String json) {
    try {
      Issue i = read(jackson, json);
      return "read amount=" + i.getAmount() + " updatedAt=" + i.getUpdatedAt();
    } catch (BadServerDataException e) {
      return "refused: " + e.getMessage();
    } catch (Exception e) {
      return "other " + e;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void amountAsStringKeepsScaleOrIsRefusedByName(String jackson) {
    String out =
        describe(
            jackson, "{\"id\":7,\"updated_at\":\"2026-01-01T00:00:00Z\",\"amount\":\"12.50\"}");
    assertTrue(
        out.equals("read amount=12.50 updatedAt=2026-01-01T00:00:00Z")
            || (out.startsWith("refused:") && out.contains("amount")),
        out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void epochNumberDateIsReadOrRefusedByName(String jackson) {
    String out = describe(jackson, "{\"id\":7,\"updated_at\":1767225600.000000001}");
    assertTrue(
        out.equals("read amount=null updatedAt=" + Instant.parse("2026-01-01T00:00:00.000000001Z"))
            || (out.startsWith("refused:") && out.contains("updated_at")),
        out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void wrongTypeUnderRenamedFieldNamesTheWireName(String jackson) {
    String out =
        describe(jackson, "{\"id\":7,\"updated_at\":\"2026-01-01T00:00:00Z\",\"is_done\":\"yes\"}");
    assertTrue(out.startsWith("refused:"), out);
    assertTrue(out.contains("Issue") && out.contains("7"), "entity and id: " + out);
    assertTrue(out.contains("is_done") || out.contains("done"), "field: " + out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void hugeExponentAmountIsNotAHang(String jackson) {
    String out =
        describe(
            jackson, "{\"id\":7,\"updated_at\":\"2026-01-01T00:00:00Z\",\"amount\":1e999999999}");
    assertTrue(out.startsWith("refused:") || out.startsWith("read amount=1E+999999999"), out);
    assertEquals(true, !out.startsWith("other"), out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void bigDecimalNegativeScaleRoundTrips(String jackson) throws Exception {
    Issue i = new Issue();
    i.setId(7);
    i.setAmount(new BigDecimal("1E+3"));
    i.setUpdatedAt(Instant.EPOCH);
    byte[] b =
        jackson.equals("j2")
            ? JsonCodecs.writeEntity(
                new com.fasterxml.jackson.databind.ObjectMapper(), new IssueJson(), i)
            : Json3Codecs.writeEntity(
                new tools.jackson.databind.ObjectMapper(), new IssueJson(), i);
    Issue back = read(jackson, new String(b, StandardCharsets.UTF_8));
    assertEquals(new BigDecimal("1E+3"), back.getAmount(), new String(b, StandardCharsets.UTF_8));
  }
}
