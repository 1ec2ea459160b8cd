package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Mappers configured the way applications configure them. */
class MapperFeaturesTest {
  static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  static String hal() {
    return "{\"_embedded\":{\"invoices\":[{\"invoice_id\":\""
        + ID
        + "\",\"total_amount\":12.50,\"row_version\":1,\"note\":null,"
        + "\"_links\":{\"self\":{\"href\":\"http://x/invoices/"
        + ID
        + "\"}}}]}}";
  }

  static Invoice refetch(HttpRemote.Builder<UUID, Invoice> b) throws Exception {
    SyncStore<UUID, Invoice> store =
        SyncStore.of(InvoiceSync.TYPE)
            .remote(b.dialect(Dialect.springDataRest("invoices")).build())
            .scheduler(new VirtualScheduler())
            .notifyOn(Runnable::run)
            .clientAssignedIds()
            .build();
    store.refetch().get(10, TimeUnit.SECONDS);
    return store.get(ID).orElseThrow();
  }

  @Test
  void jackson2MapperWithBigDecimalForFloatsKeepsScaleInHalList() throws Exception {
    try (Loopback server = new Loopback()) {
      server.handler = r -> Loopback.Resp.json(200, hal());
      Invoice inv =
          refetch(
              HttpRemote.<UUID, Invoice>builder(server.uri(), "/invoices", new InvoiceJson())
                  .mapper(
                      new com.fasterxml.jackson.databind.ObjectMapper()
                          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)));
      assertEquals(
          new BigDecimal("12.50"),
          inv.totalAmount(),
          "issue 12: same value fidelity (BigDecimal scale) with an application's Jackson 2 mapper");
    }
  }

  @Test
  void jackson3MapperWithBigDecimalForFloatsKeepsScaleInHalList() throws Exception {
    try (Loopback server = new Loopback()) {
      server.handler = r -> Loopback.Resp.json(200, hal());
      Invoice inv =
          refetch(
              HttpRemote.<UUID, Invoice>builder(server.uri(), "/invoices", new InvoiceJson())
                  .jackson3(
                      tools.jackson.databind.json.JsonMapper.builder()
                          .enable(
                              tools.jackson.databind.DeserializationFeature
                                  .USE_BIG_DECIMAL_FOR_FLOATS)
                          .build()));
      assertEquals(
          new BigDecimal("12.50"),
          inv.totalAmount(),
          "issue 12: same value fidelity (BigDecimal scale) with an application's Jackson 3 mapper");
    }
  }

  @Test
  void snakeCaseNamingStrategyOnTheMapperIsNotApplied() throws Exception {
    Issue i = new Issue();
    i.setId(1);
    i.setReviewedBy("me");
    String j2 =
        new String(
            JsonCodecs.writeEntity(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .setPropertyNamingStrategy(
                        com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE),
                new IssueJson(),
                i),
            StandardCharsets.UTF_8);
    String j3 =
        new String(
            Json3Codecs.writeEntity(
                tools.jackson.databind.json.JsonMapper.builder()
                    .propertyNamingStrategy(
                        tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                    .build(),
                new IssueJson(),
                i),
            StandardCharsets.UTF_8);
    // Observed behaviour (README is silent): the generated codec ignores the mapper's naming
    // strategy and writes field names.
    assertEquals(true, j2.contains("\"reviewedBy\""), j2);
    assertEquals(true, j3.contains("\"reviewedBy\""), j3);
  }

  @Test
  void jsonPropertyOnGetterIsHonoured() throws Exception {
    Getterish g = new Getterish();
    g.setId("g1");
    g.setFullName("Ada");
    String out =
        new String(
            Json3Codecs.writeEntity(
                new tools.jackson.databind.ObjectMapper(), new GetterishJson(), g),
            StandardCharsets.UTF_8);
    String jackson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(g);
    assertEquals(
        true,
        out.contains("\"full_name\""),
        "README: the codec names properties as Jackson's @JsonProperty says (Jackson itself writes "
            + jackson
            + "); codec wrote "
            + out);
  }
}
