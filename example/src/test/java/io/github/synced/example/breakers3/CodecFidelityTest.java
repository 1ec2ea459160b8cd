package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.Patch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodecFidelityTest {
  static final com.fasterxml.jackson.databind.ObjectMapper J2 =
      new com.fasterxml.jackson.databind.ObjectMapper();
  static final tools.jackson.databind.ObjectMapper J3 = new tools.jackson.databind.ObjectMapper();
  static final com.fasterxml.jackson.databind.ObjectMapper EXACT =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
              false);

  static Issue sample() {
    Issue i = new Issue();
    i.setId(9007199254740993L);
    i.setTitle("ünïcode \"quoted\"");
    i.setDone(true);
    i.setUpdatedAt(Instant.parse("2026-01-02T03:04:05.123456789Z"));
    i.setAmount(new BigDecimal("12.50"));
    i.setDueAt(OffsetDateTime.parse("2026-03-01T10:00:00.000000001+05:30"));
    i.setAssignee(null);
    i.setExpanded(true);
    return i;
  }

  static JsonNode tree(byte[] bytes) throws Exception {
    return EXACT.readTree(bytes);
  }

  @Test
  void jackson2AndJackson3WriteTheSameSnakeCaseValues() throws Exception {
    byte[] b2 = JsonCodecs.writeEntity(J2, new IssueJson(), sample());
    byte[] b3 = Json3Codecs.writeEntity(J3, new IssueJson(), sample());
    JsonNode t2 = tree(b2);
    JsonNode t3 = tree(b3);
    assertEquals(t2, t3, "README: Json3Codecs writes to the same values as JsonCodecs");
    assertTrue(t2.has("is_done") && t2.has("updated_at") && t2.has("due_at"), t2.toString());
    assertFalse(t2.has("expanded"), "local-only never written: " + t2);
    assertFalse(t2.has("done") || t2.has("updatedAt"), t2.toString());
    assertEquals("12.50", t2.get("amount").decimalValue().toPlainString(), t2.toString());
    assertEquals(9007199254740993L, t2.get("id").longValue());
  }

  @Test
  void bothReadBackWithScaleNanosAndZone() throws Exception {
    for (String kind : new String[] {"j2", "j3"}) {
      byte[] bytes =
          kind.equals("j2")
              ? JsonCodecs.writeEntity(J2, new IssueJson(), sample())
              : Json3Codecs.writeEntity(J3, new IssueJson(), sample());
      Issue back =
          kind.equals("j2")
              ? JsonCodecs.readEntity(J2, new IssueJson(), bytes, 1L)
              : Json3Codecs.readEntity(J3, new IssueJson(), bytes, 1L);
      assertEquals(new BigDecimal("12.50"), back.getAmount(), kind + " BigDecimal scale kept");
      assertEquals(Instant.parse("2026-01-02T03:04:05.123456789Z"), back.getUpdatedAt(), kind);
      assertEquals(
          OffsetDateTime.parse("2026-03-01T10:00:00.000000001+05:30"), back.getDueAt(), kind);
      assertEquals("ünïcode \"quoted\"", back.getTitle(), kind);
      assertEquals(9007199254740993L, back.getId(), kind);
      assertFalse(back.isExpanded(), kind);
    }
  }

  @Test
  void numericAmountWithTrailingZeroKeepsScaleBothWays() throws Exception {
    String json =
        "{\"id\":1,\"title\":\"t\",\"is_done\":false,\"updated_at\":\"2026-01-01T00:00:00.000000001Z\","
            + "\"amount\":12.50,\"due_at\":\"2026-01-01T00:00:00-08:00\"}";
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    Issue i2 = JsonCodecs.readEntity(J2, new IssueJson(), b, 1L);
    Issue i3 = Json3Codecs.readEntity(J3, new IssueJson(), b, 1L);
    assertEquals(new BigDecimal("12.50"), i2.getAmount(), "Jackson 2: BigDecimal scale");
    assertEquals(new BigDecimal("12.50"), i3.getAmount(), "Jackson 3: BigDecimal scale");
    assertEquals(i2.getDueAt(), i3.getDueAt());
    assertEquals("-08:00", i3.getDueAt().getOffset().getId());
    assertEquals(Instant.parse("2026-01-01T00:00:00.000000001Z"), i3.getUpdatedAt());
  }

  @Test
  void indentOutputJackson3StillReadsBackTheSame() throws Exception {
    tools.jackson.databind.ObjectMapper indent =
        tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .build();
    byte[] bytes = Json3Codecs.writeEntity(indent, new IssueJson(), sample());
    assertEquals(tree(Json3Codecs.writeEntity(J3, new IssueJson(), sample())), tree(bytes));
    Issue back = Json3Codecs.readEntity(indent, new IssueJson(), bytes, 1L);
    assertEquals(new BigDecimal("12.50"), back.getAmount());
  }

  @Test
  void patchAbsentIsNotNullBothWays() throws Exception {
    Patch<Issue> p = IssuePatch.empty().title("x").assignee(null);
    JsonNode t2 = tree(JsonCodecs.writePatch(J2, new IssueJson(), p));
    JsonNode t3 = tree(Json3Codecs.writePatch(J3, new IssueJson(), p));
    assertEquals(t2, t3);
    assertEquals(2, t2.size(), "only title and assignee: " + t2);
    assertTrue(t2.get("assignee").isNull(), t2.toString());
    byte[] in = "{\"title\":\"y\",\"reviewedBy\":null}".getBytes(StandardCharsets.UTF_8);
    for (Patch<Issue> read :
        java.util.List.of(
            JsonCodecs.readPatch(J2, new IssueJson(), in, 1L),
            Json3Codecs.readPatch(J3, new IssueJson(), in, 1L))) {
      assertEquals(2, read.fields().size(), "absent fields not set: " + read.fields());
      assertTrue(read.sets(IssueField.REVIEWED_BY));
      assertFalse(read.sets(IssueField.ASSIGNEE));
    }
  }

  @Test
  void recordComponentsRenamedBothWays() throws Exception {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    Invoice inv = new Invoice(id, new BigDecimal("100.10"), 3L, null);
    JsonNode t2 = tree(JsonCodecs.writeEntity(J2, new InvoiceJson(), inv));
    JsonNode t3 = tree(Json3Codecs.writeEntity(J3, new InvoiceJson(), inv));
    assertEquals(t2, t3);
    assertEquals(id.toString(), t2.get("invoice_id").asText(), t2.toString());
    assertEquals("100.10", t2.get("total_amount").decimalValue().toPlainString());
    assertEquals(3, t2.get("row_version").asLong());
    Invoice back =
        Json3Codecs.readEntity(
            J3, new InvoiceJson(), Json3Codecs.writeEntity(J3, new InvoiceJson(), inv), id);
    assertEquals(inv, back);
  }
}
