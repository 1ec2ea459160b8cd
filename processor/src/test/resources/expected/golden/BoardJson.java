package golden;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonEntities;
import io.github.synced.runtime.json.JsonInput;
import io.github.synced.runtime.json.JsonNames;
import io.github.synced.runtime.json.JsonOutput;
import io.github.synced.runtime.json.JsonValues;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Board} and {@link BoardPatch} as JSON objects, without reflection:
 * through Jackson 2's or Jackson 3's streaming API, or straight from and to the bytes of
 * whole bodies where {@code JsonCodecs} or {@code Json3Codecs} reads and writes them. The
 * codec names no Jackson type, so it serves either. Property names are encoded once, and a
 * read object becomes one patch, then the entity.
 *
 * <p>Only synced fields are written, under their Java names; local-only fields are never
 * written and are ignored when read, as are unknown properties. Enums are written by name,
 * numbers as JSON numbers, {@code UUID} and {@code java.time} values as ISO strings. Input
 * that does not fit fails with a {@link BadServerDataException} naming the entity, the id
 * (where it was read before the problem) and the field. The codec holds no state: one
 * instance serves every thread.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class BoardJson implements JsonCodec<Board> {
  /**
   * The synced fields' property names, encoded once: name {@code i} is the field whose ordinal
   * is {@code i}.
   */
  private static final JsonNames NAMES = JsonNames.of("id", "tags", "labels", "scores", "counts",
      "links", "rows", "subtitle", "limit", "avatar", "aliases", "sizes", "budget", "bonus",
      "costs", "owner", "version");

  /**
   * The component names of {@link Money}.
   */
  private static final JsonNames MONEY_NAMES = JsonNames.of("amount", "currency", "rate");

  /**
   * The component names of {@link Money.Rate}.
   */
  private static final JsonNames RATE_NAMES = JsonNames.of("value", "fixed");

  /**
   * The codec of the nested {@link Owner}.
   */
  private static final OwnerJson OWNER_JSON = new OwnerJson();

  /**
   * A codec of {@link Board}.
   */
  public BoardJson() {
  }

  /**
   * {@link BoardSync#TYPE}.
   */
  @Override
  public BoardSync type() {
    return BoardSync.TYPE;
  }

  /**
   * The codec of the {@code @Synced} objects {@code field} holds; {@code null} for a field
   * that holds none.
   */
  @Override
  public JsonCodec<?> nested(EntityField field) {
    if (field == BoardField.OWNER) {
      return OWNER_JSON;
    }
    return null;
  }

  /**
   * Writes the synced fields of {@code entity} as one JSON object.
   */
  @Override
  public void write(JsonOutput out, Board entity) throws IOException {
    out.startObject();
    out.name(NAMES, 0);
    out.writeString(entity.id);
    out.name(NAMES, 1);
    JsonValues.write(out, entity.tags);
    out.name(NAMES, 2);
    JsonValues.write(out, entity.labels);
    out.name(NAMES, 3);
    JsonValues.write(out, entity.scores);
    out.name(NAMES, 4);
    JsonValues.write(out, entity.counts);
    out.name(NAMES, 5);
    JsonValues.write(out, entity.links);
    out.name(NAMES, 6);
    JsonValues.write(out, entity.rows);
    out.name(NAMES, 7);
    JsonValues.write(out, entity.subtitle);
    out.name(NAMES, 8);
    JsonValues.write(out, entity.limit);
    out.name(NAMES, 9);
    JsonValues.write(out, entity.avatar);
    out.name(NAMES, 10);
    JsonValues.write(out, entity.aliases);
    out.name(NAMES, 11);
    JsonValues.write(out, entity.sizes);
    out.name(NAMES, 12);
    writeMoneyObject(out, entity.budget);
    out.name(NAMES, 13);
    JsonValues.write(out, entity.bonus, (o, v) -> writeMoneyObject(o, (Money) v));
    out.name(NAMES, 14);
    JsonValues.write(out, entity.costs, (o, v) -> writeMoneyObject(o, (Money) v));
    out.name(NAMES, 15);
    JsonEntities.write(out, entity.owner, OWNER_JSON);
    out.name(NAMES, 16);
    out.writeNumber(entity.version);
    out.endObject();
  }

  /**
   * Reads one JSON object into a new {@link Board}; unknown properties are skipped. Local-only
   * fields keep the values a new instance has.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, or the id or the version is missing
   */
  @Override
  public Board read(JsonInput in) throws IOException {
    BoardPatch fields = readPatch(in);
    if (!fields.sets(BoardField.ID) || fields.id() == null) {
      throw new BadServerDataException("Board", null, "id", "the id is missing");
    }
    if (!fields.sets(BoardField.VERSION)) {
      throw new BadServerDataException("Board", fields.id(), "version", "the version is missing");
    }
    return fields.applyTo(new Board());
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonOutput out, Patch<Board> patch) throws IOException {
    out.startObject();
    for (EntityField each : patch.fields()) {
      BoardField field = BoardField.of(each);
      out.name(NAMES, field.ordinal());
      switch (field) {
        case ID -> out.writeString((String) patch.get(field));
        case TAGS -> JsonValues.write(out, patch.get(field));
        case LABELS -> JsonValues.write(out, patch.get(field));
        case SCORES -> JsonValues.write(out, patch.get(field));
        case COUNTS -> JsonValues.write(out, patch.get(field));
        case LINKS -> JsonValues.write(out, patch.get(field));
        case ROWS -> JsonValues.write(out, patch.get(field));
        case SUBTITLE -> JsonValues.write(out, patch.get(field));
        case LIMIT -> JsonValues.write(out, patch.get(field));
        case AVATAR -> JsonValues.write(out, patch.get(field));
        case ALIASES -> JsonValues.write(out, patch.get(field));
        case SIZES -> JsonValues.write(out, patch.get(field));
        case BUDGET -> writeMoneyObject(out, (Money) patch.get(field));
        case BONUS -> JsonValues.write(out, patch.get(field),
            (o, v) -> writeMoneyObject(o, (Money) v));
        case COSTS -> JsonValues.write(out, patch.get(field),
            (o, v) -> writeMoneyObject(o, (Money) v));
        case OWNER -> JsonEntities.write(out, patch.get(field), OWNER_JSON);
        case VERSION -> out.writeNumber((Long) patch.get(field));
      }
    }
    out.endObject();
  }

  /**
   * Reads one JSON object into a patch that sets exactly the synced properties present: an
   * absent property is not set, a property present with {@code null} is set to {@code null}.
   *
   * @throws BadServerDataException if the input is not an object or a value does not fit its
   *     field
   */
  @Override
  public BoardPatch readPatch(JsonInput in) throws IOException {
    in.startObject("Board");
    long set = 0L;
    String id = null;
    List<String> tags = null;
    Set<Priority> labels = null;
    NavigableSet<Integer> scores = null;
    Map<String, Integer> counts = null;
    SortedMap<UUID, List<String>> links = null;
    List<List<String>> rows = null;
    Optional<String> subtitle = null;
    OptionalInt limit = null;
    byte[] avatar = null;
    String[] aliases = null;
    int[] sizes = null;
    Money budget = null;
    Optional<Money> bonus = null;
    List<Money> costs = null;
    Owner owner = null;
    long version = 0L;
    try {
      for (int field = in.nextField(NAMES); field != JsonInput.END; field = in.nextField(NAMES)) {
        switch (field) {
          case 0 -> {
            id = in.readString("Board");
            set |= 1L << 0;
          }
          case 1 -> {
            tags = tagsFrom(in);
            set |= 1L << 1;
          }
          case 2 -> {
            labels = labelsFrom(in);
            set |= 1L << 2;
          }
          case 3 -> {
            scores = scoresFrom(in);
            set |= 1L << 3;
          }
          case 4 -> {
            counts = countsFrom(in);
            set |= 1L << 4;
          }
          case 5 -> {
            links = linksFrom(in);
            set |= 1L << 5;
          }
          case 6 -> {
            rows = rowsFrom(in);
            set |= 1L << 6;
          }
          case 7 -> {
            subtitle = subtitleFrom(in);
            set |= 1L << 7;
          }
          case 8 -> {
            limit = limitFrom(in);
            set |= 1L << 8;
          }
          case 9 -> {
            avatar = avatarFrom(in);
            set |= 1L << 9;
          }
          case 10 -> {
            aliases = aliasesFrom(in);
            set |= 1L << 10;
          }
          case 11 -> {
            sizes = sizesFrom(in);
            set |= 1L << 11;
          }
          case 12 -> {
            budget = budgetFrom(in);
            set |= 1L << 12;
          }
          case 13 -> {
            bonus = bonusFrom(in);
            set |= 1L << 13;
          }
          case 14 -> {
            costs = costsFrom(in);
            set |= 1L << 14;
          }
          case 15 -> {
            owner = ownerFrom(in);
            set |= 1L << 15;
          }
          case 16 -> {
            version = in.readLong("Board");
            set |= 1L << 16;
          }
          default -> in.skipValue();
        }
      }
    } catch (BadServerDataException e) {
      throw JsonInput.withId(e, id);
    } catch (IOException | RuntimeException e) {
      throw in.malformed("Board", id, e);
    }
    return new BoardPatch(set, id, tags, labels, scores, counts, links, rows, subtitle, limit,
        avatar, aliases, sizes, budget, bonus, costs, owner, version);
  }

  /**
   * Reads a value of {@code tags}: an array, read into an unmodifiable List.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static List<String> tagsFrom(JsonInput in) throws IOException {
    return JsonValues.readList(in, "Board", "tags", item -> item.readString("Board"));
  }

  /**
   * Reads a value of {@code labels}: an array, read into an unmodifiable Set.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static Set<Priority> labelsFrom(JsonInput in) throws IOException {
    return JsonValues.readSet(
        in,
        "Board",
        "labels",
        item -> item.readEnum("Board", Priority::valueOf, Priority::values, "Priority"));
  }

  /**
   * Reads a value of {@code scores}: an array, read into an unmodifiable NavigableSet.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static NavigableSet<Integer> scoresFrom(JsonInput in) throws IOException {
    return JsonValues.readSortedSet(in, "Board", "scores", item -> item.readBoxedInt("Board"));
  }

  /**
   * Reads a value of {@code counts}: an object whose property names are the keys, read into an
   * unmodifiable map.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static Map<String, Integer> countsFrom(JsonInput in) throws IOException {
    return JsonValues.readMap(
        in,
        "Board",
        "counts",
        Function.identity(),
        "a string",
        item -> item.readBoxedInt("Board"));
  }

  /**
   * Reads a value of {@code links}: an object whose property names are the keys, read into an
   * unmodifiable map.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static SortedMap<UUID, List<String>> linksFrom(JsonInput in) throws IOException {
    return JsonValues.readSortedMap(
        in,
        "Board",
        "links",
        UUID::fromString,
        "a UUID",
        item -> JsonValues.readList(
            item,
            "Board",
            "links",
            item1 -> item1.readString("Board")));
  }

  /**
   * Reads a value of {@code rows}: an array, read into an unmodifiable List.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static List<List<String>> rowsFrom(JsonInput in) throws IOException {
    return JsonValues.readList(
        in,
        "Board",
        "rows",
        item -> JsonValues.readList(
            item,
            "Board",
            "rows",
            item1 -> item1.readString("Board")));
  }

  /**
   * Reads a value of {@code subtitle}: its value, or {@code null} for none.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null} (empty)
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static Optional<String> subtitleFrom(JsonInput in) throws IOException {
    return Optional.ofNullable(in.readString("Board"));
  }

  /**
   * Reads a value of {@code limit}: its value, or {@code null} for none.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null} (empty)
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static OptionalInt limitFrom(JsonInput in) throws IOException {
    return JsonValues.readOptionalInt(in, "Board");
  }

  /**
   * Reads a value of {@code avatar}: a Base64 string, as Jackson writes a {@code byte[]}.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static byte[] avatarFrom(JsonInput in) throws IOException {
    return JsonValues.readBytes(in, "Board", "avatar");
  }

  /**
   * Reads a value of {@code aliases}: an array.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static String[] aliasesFrom(JsonInput in) throws IOException {
    List<String> values = JsonValues.readList(in, "Board", "aliases",
        item -> item.readString("Board"));
    return values == null ? null : values.toArray(new String[0]);
  }

  /**
   * Reads a value of {@code sizes}: an array.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static int[] sizesFrom(JsonInput in) throws IOException {
    List<Integer> values = JsonValues.readList(in, "Board", "sizes", item -> item.readInt("Board"));
    if (values == null) {
      return null;
    }
    int[] array = new int[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  /**
   * Reads a value of {@code budget}: an object of the record's components.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static Money budgetFrom(JsonInput in) throws IOException {
    try {
      return readMoneyObject(in);
    } catch (BadServerDataException e) {
      throw JsonValues.inField(e, "budget");
    }
  }

  /**
   * Reads a value of {@code bonus}: its value, or {@code null} for none.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null} (empty)
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static Optional<Money> bonusFrom(JsonInput in) throws IOException {
    try {
      return Optional.ofNullable(readMoneyObject(in));
    } catch (BadServerDataException e) {
      throw JsonValues.inField(e, "bonus");
    }
  }

  /**
   * Reads a value of {@code costs}: an array, read into an unmodifiable List.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static List<Money> costsFrom(JsonInput in) throws IOException {
    return JsonValues.readList(in, "Board", "costs", item -> readMoneyObject(item));
  }

  /**
   * Reads a value of {@code owner}: an object, read as {@link OwnerJson} reads one.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static Owner ownerFrom(JsonInput in) throws IOException {
    if (JsonValues.isNull(in)) {
      return null;
    }
    try {
      return OWNER_JSON.read(in);
    } catch (BadServerDataException e) {
      throw JsonValues.nested(e, "Board", "owner");
    }
  }

  /**
   * Reads a {@link Money} from a JSON object of its components, or {@code null}; a missing
   * component is {@code null}, or 0 or {@code false}.
   *
   * @param in the reader, on the value
   * @return the record, or {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value is not an object, a component does not fit, or
   *     the record refuses its components (its exception is the cause)
   * @throws IOException if the input cannot be read
   */
  private static Money readMoneyObject(JsonInput in) throws IOException {
    if (JsonValues.isNull(in)) {
      return null;
    }
    in.startObject("Board");
    BigDecimal amount = null;
    Currency currency = null;
    Money.Rate rate = null;
    for (int field = in.nextField(MONEY_NAMES); field != JsonInput.END;
        field = in.nextField(MONEY_NAMES)) {
      switch (field) {
        case 0 -> amount = in.readBigDecimal("Board");
        case 1 -> currency =
            in.readParsed("Board", Currency::getInstance, "an ISO 4217 currency code");
        case 2 -> rate = readRateObject(in);
        default -> in.skipValue();
      }
    }
    try {
      return new Money(amount, currency, rate);
    } catch (RuntimeException e) {
      throw JsonInput.refused("Board", null, null, e);
    }
  }

  /**
   * Writes {@code value}, a {@link Money}, as a JSON object of its components, or
   * {@code null}.
   *
   * @param out the writer
   * @param value the record, or {@code null}
   * @throws IOException if the output cannot be written
   */
  private static void writeMoneyObject(JsonOutput out, Money value) throws IOException {
    if (value == null) {
      out.writeNull();
      return;
    }
    out.startObject();
    out.name(MONEY_NAMES, 0);
    out.writeNumber(value.amount());
    out.name(MONEY_NAMES, 1);
    out.writeText(value.currency());
    out.name(MONEY_NAMES, 2);
    writeRateObject(out, value.rate());
    out.endObject();
  }

  /**
   * Reads a {@link Money.Rate} from a JSON object of its components, or {@code null}; a missing
   * component is {@code null}, or 0 or {@code false}.
   *
   * @param in the reader, on the value
   * @return the record, or {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value is not an object, a component does not fit, or
   *     the record refuses its components (its exception is the cause)
   * @throws IOException if the input cannot be read
   */
  private static Money.Rate readRateObject(JsonInput in) throws IOException {
    if (JsonValues.isNull(in)) {
      return null;
    }
    in.startObject("Board");
    double value = 0D;
    boolean fixed = false;
    for (int field = in.nextField(RATE_NAMES); field != JsonInput.END;
        field = in.nextField(RATE_NAMES)) {
      switch (field) {
        case 0 -> value = in.readDouble("Board");
        case 1 -> fixed = in.readBoolean("Board");
        default -> in.skipValue();
      }
    }
    try {
      return new Money.Rate(value, fixed);
    } catch (RuntimeException e) {
      throw JsonInput.refused("Board", null, null, e);
    }
  }

  /**
   * Writes {@code value}, a {@link Money.Rate}, as a JSON object of its components, or {@code null}.
   *
   * @param out the writer
   * @param value the record, or {@code null}
   * @throws IOException if the output cannot be written
   */
  private static void writeRateObject(JsonOutput out, Money.Rate value) throws IOException {
    if (value == null) {
      out.writeNull();
      return;
    }
    out.startObject();
    out.name(RATE_NAMES, 0);
    out.writeDouble(value.value());
    out.name(RATE_NAMES, 1);
    out.writeBoolean(value.fixed());
    out.endObject();
  }
}
