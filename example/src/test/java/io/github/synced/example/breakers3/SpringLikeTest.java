package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Spring-Boot-4-like server: HAL lists, amounts as numbers, ETag versions. */
class SpringLikeTest {
  static final com.fasterxml.jackson.databind.ObjectMapper EXACT =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
              false);
  static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  static <K, E> HttpRemote<K, E> remote(
      Loopback server,
      String path,
      io.github.synced.runtime.json.JsonCodec<E> codec,
      String jackson,
      Dialect dialect) {
    HttpRemote.Builder<K, E> b =
        HttpRemote.<K, E>builder(server.uri(), path, codec).dialect(dialect);
    if (jackson.equals("j3")) {
      b.jackson3(new tools.jackson.databind.ObjectMapper());
    } else {
      b.mapper(new com.fasterxml.jackson.databind.ObjectMapper());
    }
    return b.build();
  }

  static String invoice(String self, String amount, long version, String note) {
    return "{\"invoice_id\":\""
        + ID
        + "\",\"total_amount\":"
        + amount
        + ",\"row_version\":"
        + version
        + ",\"note\":"
        + note
        + ",\"_links\":{\"self\":{\"href\":\""
        + self
        + "\"}}}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void halListAndConflictBodyKeepBigDecimalScale(String jackson) throws Exception {
    try (Loopback server = new Loopback()) {
      String self = server.uri() + "/invoices/" + ID;
      AtomicInteger writes = new AtomicInteger();
      server.handler =
          r -> {
            if (r.method().equals("GET") && r.path().startsWith("/invoices/")) {
              return Loopback.Resp.json(200, invoice(self, "99.90", 5, "null"))
                  .header("ETag", "\"5\"");
            }
            if (r.method().equals("GET")) {
              return Loopback.Resp.json(
                  200,
                  "{\"_embedded\":{\"invoices\":["
                      + invoice(self, "12.50", 1, "null")
                      + "]},\"page\":{\"size\":20,\"totalElements\":1}}");
            }
            if (writes.getAndIncrement() == 0) {
              return Loopback.Resp.json(412, "{\"error\":\"Precondition Failed\"}");
            }
            return Loopback.Resp.json(200, invoice(self, "99.90", 6, "\"mine\""))
                .header("ETag", "\"6\"");
          };
      SyncStore<UUID, Invoice> store =
          SyncStore.of(InvoiceSync.TYPE)
              .remote(
                  SpringLikeTest.<UUID, Invoice>remote(
                      server,
                      "/invoices",
                      new InvoiceJson(),
                      jackson,
                      Dialect.springDataRest("invoices")))
              .scheduler(new VirtualScheduler())
              .notifyOn(Runnable::run)
              .clientAssignedIds()
              .build();
      store.refetch().get(10, TimeUnit.SECONDS);
      Invoice inv = store.get(ID).orElseThrow();
      assertEquals(
          new BigDecimal("12.50"),
          inv.totalAmount(),
          jackson + ": Spring-style numeric amount 12.50 read through a HAL list keeps its scale");
      assertEquals(1L, inv.rowVersion());

      Invoice after =
          store.update(ID, InvoicePatch.empty().note("mine")).result().get(10, TimeUnit.SECONDS);
      assertEquals(
          new BigDecimal("99.90"),
          after.totalAmount(),
          jackson + ": server's 99.90 read after the 412 keeps its scale");
      assertEquals("mine", after.note());
      assertEquals(6L, after.rowVersion(), "version from ETag under renamed row_version");
      Loopback.Req last = server.writes().get(server.writes().size() - 1);
      assertEquals("\"5\"", last.headers().get("if-match"), "resent on the new base: " + last);
      JsonNode body = EXACT.readTree(last.body());
      assertEquals(1, body.size(), "only note sent: " + body);
    }
  }

  @Test
  void badValueUnderRenamedFieldNamesEntityIdAndField() throws Exception {
    try (Loopback server = new Loopback()) {
      server.handler =
          r ->
              Loopback.Resp.json(
                  200,
                  "{\"invoice_id\":\"" + ID + "\",\"total_amount\":\"twelve\",\"row_version\":1}");
      HttpRemote<UUID, Invoice> remote =
          SpringLikeTest.<UUID, Invoice>remote(
              server, "/invoices", new InvoiceJson(), "j3", Dialect.plainJson());
      ExecutionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class,
              () -> remote.fetch(ID).toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof BadServerDataException, String.valueOf(e.getCause()));
      BadServerDataException bad = (BadServerDataException) e.getCause();
      String msg = bad.getMessage();
      assertTrue(msg.contains("Invoice"), "names entity: " + msg);
      assertTrue(msg.contains(ID.toString()), "names id: " + msg);
      assertTrue(
          msg.contains("total_amount") || msg.contains("totalAmount"), "names field: " + msg);
    }
  }
}
