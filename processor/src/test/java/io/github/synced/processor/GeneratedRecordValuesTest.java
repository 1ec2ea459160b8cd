package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JacksonOutput;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.runtime.spi.Snapshot;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records used as values ({@code Money}, with a record nested in it): compiled with {@code
 * -Werror}, loaded, and called through the runtime's interfaces. Records are immutable, so copies
 * share them; they compare with their own {@code equals} and are JSON objects of their components.
 */
class GeneratedRecordValuesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ClassLoader loader;
  private static EntityType<String, Object> deal;
  private static JsonCodec<Object> dealJson;
  private static JsonCodec<Object> quoteJson;

  @BeforeAll
  static void compile() throws Exception {
    Compilation c =
        Sources.compileStrict(
            List.of(
                Sources.source(
                    "test.Money",
                    "package test;",
                    "import java.math.BigDecimal;",
                    "import java.util.Currency;",
                    "public record Money(BigDecimal amount, Currency currency, Rate rate) {",
                    "  public Money {",
                    "    if (amount != null && amount.signum() < 0) {",
                    "      throw new IllegalArgumentException(\"a negative amount: \" + amount);",
                    "    }",
                    "  }",
                    "  public record Rate(double value, boolean fixed) {}",
                    "}"),
                Sources.source(
                    "test.Deal",
                    "package test;",
                    "import io.github.synced.*;",
                    "import java.util.*;",
                    "@Synced",
                    "public class Deal {",
                    "  @SyncId public String id;",
                    "  public Money price;",
                    "  public Optional<Money> bonus;",
                    "  public List<Money> costs;",
                    "  @SyncVersion public long version;",
                    "  @LocalOnly public boolean open;",
                    "}"),
                Sources.source(
                    "test.Quote",
                    "package test;",
                    "import io.github.synced.*;",
                    "@Synced",
                    "public record Quote(@SyncId String id, Money price, @SyncVersion long version)"
                        + " {}")));
    assertThat(c).succeededWithoutWarnings();
    loader = new CompiledClassLoader(c.generatedFiles());
    @SuppressWarnings("unchecked")
    EntityType<String, Object> type =
        (EntityType<String, Object>) loader.loadClass("test.DealSync").getField("TYPE").get(null);
    deal = type;
    dealJson = codec("test.DealJson");
    quoteJson = codec("test.QuoteJson");
  }

  @SuppressWarnings("unchecked")
  private static JsonCodec<Object> codec(String name) throws Exception {
    return (JsonCodec<Object>) loader.loadClass(name).getConstructor().newInstance();
  }

  private static Object money(String amount, String currency, double rate) throws Exception {
    Class<?> rateType = loader.loadClass("test.Money$Rate");
    Object r = rateType.getConstructors()[0].newInstance(rate, true);
    Constructor<?> make = loader.loadClass("test.Money").getConstructors()[0];
    return make.newInstance(new BigDecimal(amount), Currency.getInstance(currency), r);
  }

  private static Object newDeal() throws Exception {
    Object d = deal.type().getConstructor().newInstance();
    set(d, "id", "d1");
    set(d, "price", money("1.50", "EUR", 0.5));
    set(d, "bonus", Optional.of(money("2", "USD", 1)));
    set(d, "costs", List.of(money("3", "EUR", 0.25)));
    set(d, "version", 1L);
    return d;
  }

  private static void set(Object entity, String field, Object value) throws Exception {
    entity.getClass().getField(field).set(entity, value);
  }

  private static Object get(Object entity, String field) throws Exception {
    return entity.getClass().getField(field).get(entity);
  }

  private static EntityField field(String name) {
    return deal.fields().stream().filter(f -> f.fieldName().equals(name)).findFirst().orElseThrow();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recordsAreSharedByCopiesAndComparedWithTheirOwnEquals() throws Exception {
    Object d = newDeal();
    Object copy = deal.copy(d);
    Snapshot<Object> snapshot = deal.snapshot(d);

    assertSame(get(d, "price"), get(copy, "price"), "immutable: shared, not copied");
    assertSame(get(d, "price"), snapshot.get(field("price")));
    assertEquals(Set.of(), deal.diff(d, copy));

    set(copy, "price", money("1.50", "EUR", 0.75)); // only the nested record differs
    set(copy, "bonus", Optional.of(money("2", "USD", 1))); // an equal record, another instance
    assertEquals(
        List.of("price"), deal.diff(d, copy).stream().map(EntityField::fieldName).toList());

    Object local = deal.copy(d);
    set(local, "open", true);
    deal.merge(local, copy);
    assertEquals(get(copy, "price"), get(local, "price"));
    assertTrue((Boolean) get(local, "open"), "merge keeps local-only values");
    deal.restore(local, snapshot);
    assertEquals(money("1.50", "EUR", 0.5), get(local, "price"));
  }

  @Test
  void aRecordIsAJsonObjectOfItsComponentsOnEveryPath() throws Exception {
    Object d = newDeal();
    String expected =
        "{\"id\":\"d1\",\"price\":{\"amount\":1.50,\"currency\":\"EUR\","
            + "\"rate\":{\"value\":0.5,\"fixed\":true}},"
            + "\"bonus\":{\"amount\":2,\"currency\":\"USD\",\"rate\":{\"value\":1.0,\"fixed\":true}},"
            + "\"costs\":[{\"amount\":3,\"currency\":\"EUR\",\"rate\":{\"value\":0.25,\"fixed\":true}}],"
            + "\"version\":1}";
    assertEquals(
        expected, new String(JsonCodecs.writeEntity(MAPPER, dealJson, d), StandardCharsets.UTF_8));
    Object back = JsonCodecs.readEntity(MAPPER, dealJson, bytes(expected), null);
    assertTrue(deal.syncedEquals(d, back));
    tools.jackson.databind.ObjectMapper jackson3 = new tools.jackson.databind.ObjectMapper();
    assertTrue(
        deal.syncedEquals(d, Json3Codecs.readEntity(jackson3, dealJson, bytes(expected), null)));

    // A record alone: written by the byte writer, and by Jackson's generator to the same text.
    Object quote =
        loader.loadClass("test.Quote").getConstructors()[0].newInstance("q1", get(d, "price"), 2L);
    String bytesWritten =
        new String(JsonCodecs.writeEntity(MAPPER, quoteJson, quote), StandardCharsets.UTF_8);
    StringWriter text = new StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.createGenerator(text)) {
      quoteJson.write(JacksonOutput.of(g), quote);
    }
    assertEquals(text.toString(), bytesWritten);
    assertEquals(quote, JsonCodecs.readEntity(MAPPER, quoteJson, bytes(bytesWritten), null));
  }

  @Test
  void absentNullAndMissingComponentsStayApart() throws Exception {
    Patch<Object> absent = JsonCodecs.readPatch(MAPPER, dealJson, bytes("{}"), null);
    assertFalse(absent.sets(field("price")));

    Patch<Object> nulls =
        JsonCodecs.readPatch(MAPPER, dealJson, bytes("{\"price\":null,\"bonus\":null}"), null);
    assertTrue(nulls.sets(field("price")));
    assertNull(nulls.get(field("price")));
    assertEquals(Optional.empty(), nulls.get(field("bonus")));

    Patch<Object> partial =
        JsonCodecs.readPatch(MAPPER, dealJson, bytes("{\"price\":{\"amount\":4}}"), null);
    Object price = partial.get(field("price"));
    assertEquals(new BigDecimal("4"), price.getClass().getMethod("amount").invoke(price));
    assertNull(price.getClass().getMethod("currency").invoke(price));
    assertEquals(
        "{\"price\":null,\"bonus\":null}",
        new String(JsonCodecs.writePatch(MAPPER, dealJson, nulls), StandardCharsets.UTF_8));
  }

  @Test
  void aRefusedOrMistypedComponentNamesTheFieldAndTheComponent() {
    BadServerDataException refused =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    dealJson,
                    bytes("{\"id\":\"d1\",\"version\":1,\"price\":{\"amount\":-1}}"),
                    null));
    assertEquals("Deal 'd1', field 'price': a negative amount: -1", refused.getMessage());
    assertTrue(refused.getCause() instanceof IllegalArgumentException);

    BadServerDataException currency =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    dealJson,
                    bytes("{\"id\":\"d1\",\"version\":1,\"price\":{\"currency\":\"XX\"}}"),
                    null));
    assertEquals("price", currency.field());
    assertEquals("field 'currency': 'XX' is not an ISO 4217 currency code", currency.problem());

    BadServerDataException element =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    dealJson,
                    bytes("{\"id\":\"d1\",\"version\":1,\"costs\":[{\"amount\":\"x\"}]}"),
                    null));
    assertEquals("costs", element.field());
    assertEquals("element 0, field 'amount': expected a number, found STRING", element.problem());
  }

  @Test
  void aPatchSetsTheWholeRecord() throws Exception {
    Object target = newDeal();
    Object source = newDeal();
    Object other = money("9", "GBP", 2);
    set(source, "price", other);
    Patch<Object> patch = deal.patch(source, Set.of(field("price")));
    assertSame(target, patch.applyTo(target));
    assertSame(other, get(target, "price"));
    assertEquals(List.of(field("price")), List.copyOf(patch.fields()));
  }
}
