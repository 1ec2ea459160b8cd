package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.runtime.spi.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated code of entities with collections, maps and optionals, compiled with {@code
 * -Werror}, loaded, and called through the runtime's interfaces: each entity owns its collections,
 * snapshots and patches hold unmodifiable copies, diffs see element changes, and JSON keeps absent,
 * {@code null} and empty apart.
 */
class GeneratedCollectionsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static EntityType<String, Object> board;
  private static JsonCodec<Object> boardJson;
  private static EntityType<String, Object> card;

  @BeforeAll
  static void compile() throws Exception {
    Compilation c =
        Sources.compileStrict(
            List.of(
                Sources.source(
                    "test.Board",
                    "package test;",
                    "import io.github.synced.*;",
                    "import java.util.*;",
                    "@Synced",
                    "public class Board {",
                    "  @SyncId public String id;",
                    "  public List<String> tags;",
                    "  public SortedSet<Integer> scores;",
                    "  public Map<String, Integer> counts;",
                    "  public Map<Integer, String> names;",
                    "  public List<List<String>> rows;",
                    "  public Optional<String> subtitle;",
                    "  public OptionalInt limit;",
                    "  public byte[] avatar;",
                    "  public String[] aliases;",
                    "  public int[] sizes;",
                    "  @SyncVersion public long version;",
                    "  @LocalOnly public List<String> recent;",
                    "}"),
                Sources.source(
                    "test.Card",
                    "package test;",
                    "import io.github.synced.*;",
                    "import java.util.*;",
                    "@Synced",
                    "public record Card(@SyncId String id, List<String> tags,",
                    "    @SyncVersion long version, @LocalOnly List<String> seen) {}")));
    assertThat(c).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClassLoader(c.generatedFiles());
    board = type(loader, "test.BoardSync");
    card = type(loader, "test.CardSync");
    @SuppressWarnings("unchecked")
    JsonCodec<Object> codec =
        (JsonCodec<Object>) loader.loadClass("test.BoardJson").getConstructor().newInstance();
    boardJson = codec;
  }

  @SuppressWarnings("unchecked")
  private static EntityType<String, Object> type(ClassLoader loader, String name) throws Exception {
    return (EntityType<String, Object>) loader.loadClass(name).getField("TYPE").get(null);
  }

  private static Object newBoard() throws Exception {
    Object b = board.type().getConstructor().newInstance();
    set(b, "id", "b1");
    set(b, "tags", new ArrayList<>(List.of("red", "blue")));
    set(b, "scores", new TreeSet<>(List.of(3, 1, 2)));
    set(b, "counts", new HashMap<>(Map.of("open", 2)));
    set(b, "names", new HashMap<>(Map.of(7, "seven")));
    set(b, "rows", new ArrayList<>(List.of(new ArrayList<>(List.of("a", "b")))));
    set(b, "subtitle", Optional.of("sub"));
    set(b, "limit", OptionalInt.of(5));
    set(b, "avatar", new byte[] {1, 2, (byte) 0xFF});
    set(b, "aliases", new String[] {"x", null});
    set(b, "sizes", new int[] {4, 5});
    set(b, "version", 1L);
    set(b, "recent", new ArrayList<>(List.of("r")));
    return b;
  }

  private static void set(Object entity, String field, Object value) throws Exception {
    entity.getClass().getField(field).set(entity, value);
  }

  /** The value of {@code field} of {@code entity}, as what the test knows it to be. */
  @SuppressWarnings("unchecked")
  private static <T> T get(Object entity, String field, Class<? super T> type) throws Exception {
    return (T) type.cast(entity.getClass().getField(field).get(entity));
  }

  private static Object get(Object entity, String field) throws Exception {
    return entity.getClass().getField(field).get(entity);
  }

  private static EntityField field(EntityType<String, Object> type, String name) {
    return type.fields().stream().filter(f -> f.fieldName().equals(name)).findFirst().orElseThrow();
  }

  private static String json(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSnapshotKeepsItsValuesWhenTheEntitysCollectionsChangeAfterwards() throws Exception {
    Object b = newBoard();
    Snapshot<Object> snapshot = board.snapshot(b);

    List<String> tags = get(b, "tags", List.class);
    List<List<String>> entityRows = get(b, "rows", List.class);
    Map<String, Integer> counts = get(b, "counts", Map.class);
    tags.add("green");
    entityRows.get(0).set(0, "changed");
    counts.put("done", 9);

    assertEquals(List.of("red", "blue"), snapshot.get(field(board, "tags")));
    assertEquals(List.of(List.of("a", "b")), snapshot.get(field(board, "rows")));
    assertEquals(Map.of("open", 2), snapshot.get(field(board, "counts")));
    @SuppressWarnings("unchecked")
    List<List<String>> rows = (List<List<String>>) snapshot.get(field(board, "rows"));
    assertThrows(UnsupportedOperationException.class, () -> rows.add(List.of()));
    assertThrows(UnsupportedOperationException.class, () -> rows.get(0).add("x"));
  }

  @Test
  void restorePutsBackCopiesThatTheEntityOwnsAndKeepsLocalOnlyValues() throws Exception {
    Object b = newBoard();
    Snapshot<Object> snapshot = board.snapshot(b);
    List<String> recent = get(b, "recent", List.class);
    set(b, "tags", new ArrayList<>(List.of("other")));
    set(b, "rows", null);

    board.restore(b, snapshot);

    List<String> tags = get(b, "tags", List.class);
    assertEquals(List.of("red", "blue"), tags);
    assertEquals(List.of(List.of("a", "b")), get(b, "rows"));
    assertSame(recent, get(b, "recent"));
    tags.add("mine"); // the entity's own, mutable copy
    List<List<String>> rows = get(b, "rows", List.class);
    rows.get(0).add("mine");
    assertEquals(List.of("red", "blue"), snapshot.get(field(board, "tags")));
    assertEquals(List.of(List.of("a", "b")), snapshot.get(field(board, "rows")));
  }

  @Test
  void copiesAndMergesNeverShareACollectionWithTheirSource() throws Exception {
    Object server = newBoard();
    Object copy = board.copy(server);
    assertTrue(board.syncedEquals(server, copy));
    assertNotSame(get(server, "tags"), get(copy, "tags"));
    List<List<String>> copiedRows = get(copy, "rows", List.class);
    copiedRows.get(0).add("c");
    assertEquals(List.of(List.of("a", "b")), get(server, "rows"));

    Object local = newBoard();
    List<String> recent = new ArrayList<>(List.of("mine"));
    set(local, "recent", recent);
    set(local, "tags", List.of());
    Object merged = board.merge(local, server);

    assertSame(local, merged);
    assertEquals(List.of("red", "blue"), get(local, "tags"));
    assertNotSame(get(server, "tags"), get(local, "tags"));
    assertSame(recent, get(local, "recent"));
    List<String> localTags = get(local, "tags", List.class);
    localTags.add("x");
    assertEquals(List.of("red", "blue"), get(server, "tags"));
  }

  @Test
  void diffSeesAChangedElementOfANestedCollection() throws Exception {
    Object a = newBoard();
    Object b = board.copy(a);
    assertEquals(Set.of(), board.diff(a, b));

    List<List<String>> rows = get(b, "rows", List.class);
    Map<String, Integer> counts = get(b, "counts", Map.class);
    rows.get(0).set(1, "z");
    counts.put("open", 3);
    set(b, "subtitle", Optional.empty());

    assertEquals(
        List.of("counts", "rows", "subtitle"),
        board.diff(a, b).stream().map(EntityField::fieldName).toList());
    assertFalse(board.syncedEquals(a, b));
  }

  @Test
  void aPatchHoldsItsOwnCopyAndSetsTheWholeCollection() throws Exception {
    Object source = newBoard();
    Patch<Object> patch = board.patch(source, Set.of(field(board, "tags")));
    List<String> sourceTags = get(source, "tags", List.class);
    sourceTags.add("late");

    assertEquals(List.of("red", "blue"), patch.get(field(board, "tags")));
    Object target = newBoard();
    set(target, "tags", new ArrayList<>(List.of("x", "y", "z")));
    patch.applyTo(target);
    List<String> applied = get(target, "tags", List.class);
    assertEquals(List.of("red", "blue"), applied);
    applied.add("mine");
    assertEquals(List.of("red", "blue"), patch.get(field(board, "tags")));
  }

  @Test
  void nullElementsAndNullCollectionsAreKeptEverywhere() throws Exception {
    Object b = newBoard();
    set(b, "tags", new ArrayList<>(Arrays.asList("a", null)));
    set(b, "counts", null);
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put("none", null);
    set(b, "counts", withNull);
    set(b, "rows", null);

    Object back =
        JsonCodecs.readEntity(
            MAPPER, boardJson, JsonCodecs.writeEntity(MAPPER, boardJson, b), null);

    assertEquals(Arrays.asList("a", null), get(back, "tags"));
    assertEquals(withNull, get(back, "counts"));
    assertNull(get(back, "rows"));
    assertEquals(Arrays.asList("a", null), board.snapshot(b).get(field(board, "tags")));
    assertEquals(Arrays.asList("a", null), get(board.copy(b), "tags"));
  }

  @Test
  void jsonWritesArraysObjectsAndOptionalsAndReadsThemBack() throws Exception {
    Object b = newBoard();
    String written = json(JsonCodecs.writeEntity(MAPPER, boardJson, b));

    assertEquals(
        "{\"id\":\"b1\",\"tags\":[\"red\",\"blue\"],\"scores\":[1,2,3],\"counts\":{\"open\":2},"
            + "\"names\":{\"7\":\"seven\"},\"rows\":[[\"a\",\"b\"]],\"subtitle\":\"sub\","
            + "\"limit\":5,\"avatar\":\"AQL/\",\"aliases\":[\"x\",null],\"sizes\":[4,5],"
            + "\"version\":1}",
        written);
    Object back = JsonCodecs.readEntity(MAPPER, boardJson, bytes(written), null);
    assertTrue(board.syncedEquals(b, back));
    assertEquals(Map.of(7, "seven"), get(back, "names"));
    assertNull(get(back, "recent"), "local-only values are not read");
    assertInstanceOf(ArrayList.class, get(back, "tags"), "a read entity owns mutable copies");

    tools.jackson.databind.ObjectMapper jackson3 = new tools.jackson.databind.ObjectMapper();
    assertEquals(written, json(Json3Codecs.writeEntity(jackson3, boardJson, b)));
    assertTrue(
        board.syncedEquals(b, Json3Codecs.readEntity(jackson3, boardJson, bytes(written), null)));
  }

  @Test
  void jsonKeepsAbsentNullAndEmptyApart() throws Exception {
    Patch<Object> absent = JsonCodecs.readPatch(MAPPER, boardJson, bytes("{}"), null);
    assertFalse(absent.sets(field(board, "tags")));
    assertFalse(absent.sets(field(board, "subtitle")));

    Patch<Object> nulls =
        JsonCodecs.readPatch(
            MAPPER,
            boardJson,
            bytes("{\"tags\":null,\"counts\":null,\"subtitle\":null,\"limit\":null}"),
            null);
    assertTrue(nulls.sets(field(board, "tags")));
    assertNull(nulls.get(field(board, "tags")));
    assertNull(nulls.get(field(board, "counts")));
    assertEquals(Optional.empty(), nulls.get(field(board, "subtitle")));
    assertEquals(OptionalInt.empty(), nulls.get(field(board, "limit")));

    Patch<Object> empty =
        JsonCodecs.readPatch(MAPPER, boardJson, bytes("{\"tags\":[],\"counts\":{}}"), null);
    assertEquals(List.of(), empty.get(field(board, "tags")));
    assertEquals(Map.of(), empty.get(field(board, "counts")));

    Object cleared = nulls.applyTo(newBoard());
    Patch<Object> clearing =
        board.patch(cleared, Set.of(field(board, "tags"), field(board, "subtitle")));
    assertEquals(
        "{\"tags\":null,\"subtitle\":null}",
        json(JsonCodecs.writePatch(MAPPER, boardJson, clearing)));
    Patch<Object> emptied =
        board.patch(
            JsonCodecs.readEntity(
                MAPPER, boardJson, bytes("{\"id\":\"b1\",\"version\":1,\"tags\":[]}"), null),
            Set.of(field(board, "tags")));
    assertEquals("{\"tags\":[]}", json(JsonCodecs.writePatch(MAPPER, boardJson, emptied)));
  }

  @Test
  void aBadElementOrKeyIsReportedWithEntityIdFieldAndPosition() {
    BadServerDataException element =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    boardJson,
                    bytes("{\"id\":\"b1\",\"version\":1,\"rows\":[[\"a\"],[\"b\",2]]}"),
                    null));
    assertEquals("b1", element.id());
    assertEquals("rows", element.field());
    assertEquals("element 1: element 1: expected a string, found NUMBER", element.problem());

    BadServerDataException key =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    boardJson,
                    bytes("{\"id\":\"b1\",\"version\":1,\"names\":{\"x\":\"y\"}}"),
                    null));
    assertEquals(
        "Board 'b1', field 'names': key 'x' is not an integer that fits an int", key.getMessage());

    BadServerDataException notAnArray =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    boardJson,
                    bytes("{\"id\":\"b1\",\"version\":1,\"tags\":\"red\"}"),
                    null));
    assertEquals("tags", notAnArray.field());
    assertEquals("expected an array, found STRING", notAnArray.problem());
  }

  @Test
  void arraysAreClonedWhereverTheyMoveAndComparedByTheirElements() throws Exception {
    Object b = newBoard();
    Snapshot<Object> snapshot = board.snapshot(b);
    byte[] avatar = (byte[]) get(b, "avatar");
    avatar[0] = 9;
    ((byte[]) snapshot.get(field(board, "avatar")))[1] = 9; // a copy: the snapshot keeps its own

    assertArrayEquals(
        new byte[] {1, 2, (byte) 0xFF}, (byte[]) snapshot.get(field(board, "avatar")));
    assertEquals(board.snapshot(newBoard()), snapshot, "snapshots compare arrays by elements");
    assertEquals(board.snapshot(newBoard()).hashCode(), snapshot.hashCode());
    assertTrue(snapshot.toString().contains("avatar=[1, 2, -1]"), snapshot.toString());

    board.restore(b, snapshot);
    assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, (byte[]) get(b, "avatar"));
    assertNotSame(get(b, "avatar"), snapshot.get(field(board, "avatar")));

    Object copy = board.copy(b);
    assertNotSame(get(b, "sizes"), get(copy, "sizes"));
    assertEquals(Set.of(), board.diff(b, copy), "equal elements are no change");
    ((int[]) get(copy, "sizes"))[1] = 6;
    assertEquals(
        List.of("sizes"), board.diff(b, copy).stream().map(EntityField::fieldName).toList());

    Patch<Object> patch = board.patch(copy, Set.of(field(board, "aliases"), field(board, "sizes")));
    ((int[]) get(copy, "sizes"))[0] = 0;
    assertEquals("BoardPatch{aliases=[x, null], sizes=[4, 6]}", patch.toString());
    Object again = board.copy(b);
    set(again, "sizes", new int[] {4, 6});
    Patch<Object> same = board.patch(again, Set.of(field(board, "aliases"), field(board, "sizes")));
    assertEquals(patch, same, "patches compare arrays by elements");
    assertEquals(patch.hashCode(), same.hashCode());
  }

  @Test
  void byteArraysAreBase64AsJacksonWritesThem() throws Exception {
    Object b = newBoard();
    byte[] bytes = new byte[] {0, 1, 2, (byte) 0xFB, (byte) 0xFF};
    set(b, "avatar", bytes);
    String written = json(JsonCodecs.writeEntity(MAPPER, boardJson, b));

    assertTrue(written.contains("\"avatar\":" + MAPPER.writeValueAsString(bytes)), written);
    Object back = JsonCodecs.readEntity(MAPPER, boardJson, bytes(written), null);
    assertArrayEquals(bytes, (byte[]) get(back, "avatar"));
    Patch<Object> cleared =
        JsonCodecs.readPatch(MAPPER, boardJson, bytes("{\"avatar\":null,\"sizes\":null}"), null);
    assertTrue(cleared.sets(field(board, "avatar")));
    assertNull(cleared.get(field(board, "avatar")));
    assertNull(cleared.get(field(board, "sizes")));
    BadServerDataException notBase64 =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER, boardJson, bytes("{\"id\":\"b1\",\"version\":1,\"avatar\":3}"), null));
    assertEquals("avatar", notBase64.field());
    assertEquals("expected a Base64 string, found NUMBER", notBase64.problem());
  }

  @Test
  void anEntityTooWideForARecordOrOnePatchWordCopiesItsCollectionsToo() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import io.github.synced.*;");
    lines.add("import java.util.*;");
    lines.add("@Synced");
    lines.add("public class Wide {");
    lines.add("  @SyncId public String id;");
    lines.add("  @SyncVersion public long version;");
    lines.add("  public List<String> tags;");
    // More fields than one patch word holds, and than a record's constructor can take.
    for (int i = 0; i < 260; i++) {
      lines.add("  public int f" + i + ";");
    }
    lines.add("}");
    Compilation c =
        Sources.compileStrict(List.of(Sources.source("test.Wide", lines.toArray(String[]::new))));
    assertThat(c).succeededWithoutWarnings();
    EntityType<String, Object> wide =
        type(new CompiledClassLoader(c.generatedFiles()), "test.WideSync");
    Object source = wide.type().getConstructor().newInstance();
    List<String> tags = new ArrayList<>(List.of("a"));
    set(source, "tags", tags);

    Patch<Object> patch = wide.patch(source, Set.of(field(wide, "tags")));
    tags.add("b");
    Object target = patch.applyTo(wide.type().getConstructor().newInstance());

    assertEquals(List.of("a"), patch.get(field(wide, "tags")));
    assertEquals(List.of("a"), get(target, "tags"));
    assertNotSame(patch.get(field(wide, "tags")), get(target, "tags"));
    Snapshot<Object> snapshot = wide.snapshot(source);
    tags.add("c");
    assertEquals(List.of("a", "b"), snapshot.get(field(wide, "tags")));
    assertEquals(wide.snapshot(wide.copy(wide.restore(target, snapshot))), snapshot);
  }

  @Test
  void aRecordEntityGetsNewInstancesWithCollectionsOfTheirOwn() throws Exception {
    Object c =
        card.type()
            .getConstructors()[0]
            .newInstance("c1", new ArrayList<>(List.of("a")), 1L, List.of("seen"));
    Object copy = card.copy(c);
    Object renamed = card.withId(c, "c2");
    Object merged = card.merge(card.syncedCopy(c), c);

    for (Object other : List.of(copy, renamed, merged)) {
      Object tags = other.getClass().getMethod("tags").invoke(other);
      assertEquals(List.of("a"), tags);
      assertNotSame(c.getClass().getMethod("tags").invoke(c), tags);
    }
    assertEquals(List.of(), merged.getClass().getMethod("seen").invoke(merged));
  }
}
