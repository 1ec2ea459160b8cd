package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.runtime.spi.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lists, sets and maps of another {@code @Synced} class (merged by the elements' ids), compiled
 * with {@code -Werror}, loaded, and called through the runtime's interfaces: merge and restore keep
 * each matching element's local-only fields (in elements of elements too) and take the server's
 * order, additions and removals; copies and snapshots are deep; diffs compare synced fields only;
 * JSON goes through the element type's codec and refuses bad elements.
 */
class GeneratedEntityCollectionsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static EntityType<String, Object> plan;
  private static EntityType<String, Object> crew;
  private static JsonCodec<Object> planJson;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() throws Exception {
    Compilation c =
        Sources.compileStrict(
            List.of(
                Sources.source(
                    "test.Check",
                    "package test;",
                    "import io.github.synced.*;",
                    "@Synced",
                    "@SuppressWarnings(\"SyncedNoVersion\")",
                    "public class Check {",
                    "  @SyncId public long id;",
                    "  public String text;",
                    "  @LocalOnly public boolean open;",
                    "}"),
                Sources.source(
                    "test.Step",
                    "package test;",
                    "import io.github.synced.*;",
                    "import java.util.*;",
                    "@Synced",
                    "public class Step {",
                    "  @SyncId public String id;",
                    "  public String title;",
                    "  public List<Check> checks;",
                    "  @SyncVersion public long version;",
                    "  @LocalOnly public boolean expanded;",
                    "}"),
                Sources.source(
                    "test.Plan",
                    "package test;",
                    "import io.github.synced.*;",
                    "import java.util.*;",
                    "@Synced",
                    "public class Plan {",
                    "  @SyncId public String id;",
                    "  public List<Step> steps;",
                    "  public Set<Step> stepSet;",
                    "  public Map<String, Step> lanes;",
                    "  @SyncVersion public long version;",
                    "  @LocalOnly public boolean pinned;",
                    "}"),
                Sources.source(
                    "test.Badge",
                    "package test;",
                    "import io.github.synced.*;",
                    "@Synced",
                    "@SuppressWarnings(\"SyncedNoVersion\")",
                    "public record Badge(@SyncId String id, String label, @LocalOnly boolean shown)"
                        + " {}"),
                Sources.source(
                    "test.Crew",
                    "package test;",
                    "import io.github.synced.*;",
                    "import java.util.*;",
                    "@Synced",
                    "public record Crew(@SyncId String id, List<Badge> badges,",
                    "    NavigableMap<String, Step> byName, @SyncVersion long version) {}")));
    assertThat(c).succeededWithoutWarnings();
    loader = new CompiledClassLoader(c.generatedFiles());
    @SuppressWarnings("unchecked")
    EntityType<String, Object> type =
        (EntityType<String, Object>) loader.loadClass("test.PlanSync").getField("TYPE").get(null);
    plan = type;
    @SuppressWarnings("unchecked")
    EntityType<String, Object> crewType =
        (EntityType<String, Object>) loader.loadClass("test.CrewSync").getField("TYPE").get(null);
    crew = crewType;
    @SuppressWarnings("unchecked")
    JsonCodec<Object> codec =
        (JsonCodec<Object>) loader.loadClass("test.PlanJson").getConstructor().newInstance();
    planJson = codec;
  }

  // ------------------------------------------------------------------ fixtures

  private static Object step(String id, String title, boolean expanded) throws Exception {
    Object s = loader.loadClass("test.Step").getConstructor().newInstance();
    set(s, "id", id);
    set(s, "title", title);
    set(s, "checks", new ArrayList<>());
    set(s, "version", 1L);
    set(s, "expanded", expanded);
    return s;
  }

  private static Object check(long id, String text, boolean open) throws Exception {
    Object c = loader.loadClass("test.Check").getConstructor().newInstance();
    set(c, "id", id);
    set(c, "text", text);
    set(c, "open", open);
    return c;
  }

  private static Object plan(List<Object> steps) throws Exception {
    Object p = plan.type().getConstructor().newInstance();
    set(p, "id", "p1");
    set(p, "steps", new ArrayList<>(steps));
    set(p, "version", 1L);
    return p;
  }

  private static void set(Object entity, String field, Object value) throws Exception {
    entity.getClass().getField(field).set(entity, value);
  }

  private static Object get(Object entity, String field) throws Exception {
    return entity.getClass().getField(field).get(entity);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> steps(Object p) throws Exception {
    return (List<Object>) get(p, "steps");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lanes(Object p) throws Exception {
    return (Map<String, Object>) get(p, "lanes");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> checks(Object step) throws Exception {
    return (List<Object>) get(step, "checks");
  }

  private static List<Object> column(List<Object> entities, String field) throws Exception {
    List<Object> values = new ArrayList<>();
    for (Object e : entities) {
      values.add(get(e, field));
    }
    return values;
  }

  private static EntityField field(String name) {
    return plan.fields().stream().filter(f -> f.fieldName().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> diff(Object a, Object b) {
    return plan.diff(a, b).stream().map(EntityField::fieldName).toList();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ merge

  @Test
  void mergeMatchesElementsByIdKeepsTheirLocalOnlyStateAndTakesTheServersOrder() throws Exception {
    Object a = step("a", "A", true);
    Object b = step("b", "B", true);
    Object c = step("c", "C", false);
    Object local = plan(List.of(a, b, c));
    Object server =
        plan(List.of(step("c", "C2", false), step("d", "D", true), step("a", "A2", false)));

    plan.merge(local, server);

    List<Object> merged = steps(local);
    assertEquals(List.of("c", "d", "a"), column(merged, "id"), "server's order, b removed");
    assertEquals(List.of("C2", "D", "A2"), column(merged, "title"));
    assertEquals(
        List.of(false, false, true),
        column(merged, "expanded"),
        "a keeps expanded; d, new, has it as a new instance does, not as the server's copy");
    assertEquals("A", get(a, "title"), "our old element is not changed");
    for (Object each : merged) {
      assertFalse(steps(server).contains(each), "no element is shared with the server's");
    }
  }

  @Test
  void seededRandomListsMergeToTheServersElementsWithOurLocalOnlyStateById() throws Exception {
    for (long seed = 1; seed <= 200; seed++) {
      java.util.Random random = new java.util.Random(seed);
      List<Object> ours = new ArrayList<>();
      Map<String, Boolean> expanded = new java.util.HashMap<>();
      for (int i = 0; i < 8; i++) {
        if (random.nextBoolean()) {
          boolean open = random.nextBoolean();
          ours.add(step("s" + i, "ours" + i, open));
          expanded.put("s" + i, open);
        }
      }
      java.util.Collections.shuffle(ours, random);
      List<Object> theirs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        if (random.nextBoolean()) {
          theirs.add(step("s" + i, "theirs" + i, random.nextBoolean()));
        }
      }
      java.util.Collections.shuffle(theirs, random);
      Object local = plan(ours);

      plan.merge(local, plan(theirs));

      String why = "seed " + seed;
      List<Object> merged = steps(local);
      assertEquals(column(theirs, "id"), column(merged, "id"), why);
      assertEquals(column(theirs, "title"), column(merged, "title"), why);
      for (Object each : merged) {
        assertEquals(
            expanded.getOrDefault((String) get(each, "id"), false), get(each, "expanded"), why);
      }
    }
  }

  @Test
  void mergeKeepsLocalOnlyStateOfElementsInsideElements() throws Exception {
    Object a = step("a", "A", true);
    checks(a).add(check(1, "one", true));
    checks(a).add(check(2, "two", false));
    Object server = step("a", "A", false);
    checks(server).add(check(3, "three", false));
    checks(server).add(check(1, "one!", false));
    Object local = plan(List.of(a));

    plan.merge(local, plan(List.of(server)));

    List<Object> merged = checks(steps(local).get(0));
    assertEquals(List.of(3L, 1L), column(merged, "id"));
    assertEquals(List.of("three", "one!"), column(merged, "text"));
    assertEquals(List.of(false, true), column(merged, "open"), "check 1 stays open");
    assertTrue((Boolean) get(steps(local).get(0), "expanded"));
  }

  @Test
  void aMapIsMergedByTheElementsIdsNotByTheKeys() throws Exception {
    Object local = plan(List.of());
    Map<String, Object> ours = new LinkedHashMap<>();
    ours.put("todo", step("s1", "One", true));
    ours.put("done", step("s2", "Two", true));
    set(local, "lanes", ours);
    Object server = plan(List.of());
    Map<String, Object> theirs = new LinkedHashMap<>();
    theirs.put("new", step("s3", "Three", false));
    theirs.put("doing", step("s1", "One!", false));
    set(server, "lanes", theirs);

    plan.merge(local, server);

    Map<String, Object> merged = lanes(local);
    assertEquals(List.of("new", "doing"), List.copyOf(merged.keySet()));
    assertEquals("One!", get(merged.get("doing"), "title"));
    assertTrue((Boolean) get(merged.get("doing"), "expanded"), "s1 moved lanes, kept expanded");
    assertFalse((Boolean) get(merged.get("new"), "expanded"));
  }

  @Test
  void aServerWithoutTheCollectionClearsItAndANullElementStaysNull() throws Exception {
    Object local = plan(List.of(step("a", "A", true)));
    Object server = plan(List.of());
    set(server, "steps", null);
    plan.merge(local, server);
    assertNull(get(local, "steps"));

    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    withNull.add(step("a", "A", false));
    plan.merge(local, plan(withNull));
    assertNull(steps(local).get(0));
    assertEquals("a", get(steps(local).get(1), "id"));
  }

  @Test
  void aRecordEntityMergesRecordElementsAndASortedMapLeavingBothArgumentsUntouched()
      throws Exception {
    Class<?> badge = loader.loadClass("test.Badge");
    java.lang.reflect.Constructor<?> newBadge = badge.getConstructors()[0];
    java.lang.reflect.Constructor<?> newCrew = crew.type().getConstructors()[0];
    List<Object> ourBadges = List.of(newBadge.newInstance("b1", "Lead", true));
    java.util.TreeMap<String, Object> ourSteps = new java.util.TreeMap<>();
    ourSteps.put("m", step("s1", "One", true));
    Object local = newCrew.newInstance("c1", ourBadges, ourSteps, 1L);
    java.util.TreeMap<String, Object> theirSteps = new java.util.TreeMap<>();
    theirSteps.put("z", step("s2", "Two", false));
    theirSteps.put("a", step("s1", "One!", false));
    Object server =
        newCrew.newInstance(
            "c1",
            List.of(
                newBadge.newInstance("b2", "New", false),
                newBadge.newInstance("b1", "Lead!", false)),
            theirSteps,
            2L);

    Object merged = crew.merge(local, server);

    @SuppressWarnings("unchecked")
    List<Object> badges = (List<Object>) crew.type().getMethod("badges").invoke(merged);
    assertEquals(List.of("b2", "b1"), accessor(badges, "id"));
    assertEquals(List.of("New", "Lead!"), accessor(badges, "label"));
    assertEquals(List.of(false, true), accessor(badges, "shown"), "b1 stays shown");
    @SuppressWarnings("unchecked")
    Map<String, Object> byName =
        (Map<String, Object>) crew.type().getMethod("byName").invoke(merged);
    assertTrue(byName instanceof java.util.TreeMap, "a sorted map stays one");
    assertEquals(List.of("a", "z"), List.copyOf(byName.keySet()));
    assertTrue((Boolean) get(byName.get("a"), "expanded"), "s1 kept expanded under a new key");
    assertEquals("One", get(ourSteps.get("m"), "title"), "local's elements are not changed");
    assertEquals(List.of("m"), List.copyOf(ourSteps.keySet()));
    assertEquals(List.of("z", "a"), List.copyOf(theirSteps.descendingKeySet()));
  }

  private static List<Object> accessor(List<Object> records, String component) throws Exception {
    List<Object> values = new ArrayList<>();
    for (Object r : records) {
      values.add(r.getClass().getMethod(component).invoke(r));
    }
    return values;
  }

  // ------------------------------------------------------------------ copies and snapshots

  @Test
  void copyIsDeepAndSyncedCopyLeavesTheElementsLocalOnlyStateBehind() throws Exception {
    Object a = step("a", "A", true);
    checks(a).add(check(1, "one", true));
    Object p = plan(List.of(a));

    Object copy = plan.copy(p);
    assertNotSame(a, steps(copy).get(0));
    assertNotSame(checks(a).get(0), checks(steps(copy).get(0)).get(0));
    assertTrue((Boolean) get(steps(copy).get(0), "expanded"));
    assertTrue((Boolean) get(checks(steps(copy).get(0)).get(0), "open"));

    Object synced = plan.syncedCopy(p);
    assertFalse((Boolean) get(steps(synced).get(0), "expanded"));
    assertFalse((Boolean) get(checks(steps(synced).get(0)).get(0), "open"));
    steps(synced).add(step("b", "B", false)); // an entity owns a list it can change
  }

  @Test
  void aSnapshotIsIsolatedAndRestoreKeepsTheElementsLocalOnlyStateById() throws Exception {
    Object a = step("a", "A", false);
    Object b = step("b", "B", false);
    Object p = plan(List.of(a, b));
    Snapshot<Object> snapshot = plan.snapshot(p);

    set(a, "title", "changed");
    set(a, "expanded", true);
    steps(p).add(0, step("c", "C", true));
    steps(p).remove(b);
    Object handedOut = get(snapshot, "steps");
    assertEquals(
        plan.snapshot(plan(List.of(step("a", "A", true), step("b", "B", true)))), snapshot);

    plan.restore(p, snapshot);
    assertEquals(List.of("a", "b"), column(steps(p), "id"));
    assertEquals(List.of("A", "B"), column(steps(p), "title"));
    assertEquals(List.of(true, false), column(steps(p), "expanded"), "a stays expanded");
    assertEquals(List.of(), diff(p, plan(List.of(step("a", "A", false), step("b", "B", false)))));
    assertNotSame(handedOut, get(snapshot, "steps"), "each read hands out a copy");
  }

  private static Object get(Snapshot<Object> snapshot, String field) throws Exception {
    return snapshot.getClass().getMethod(field).invoke(snapshot);
  }

  // ------------------------------------------------------------------ diff

  @Test
  void diffComparesElementsBySyncedFieldsOnly() throws Exception {
    Object p = plan(List.of(step("a", "A", false), step("b", "B", false)));
    Object other = plan.copy(p);
    set(steps(other).get(0), "expanded", true);
    assertEquals(List.of(), diff(p, other), "a local-only change is no synced difference");
    assertTrue(plan.syncedEquals(p, other));

    checks(steps(other).get(1)).add(check(1, "one", false));
    assertEquals(List.of("steps"), diff(p, other), "a change inside an element is one");

    Object reordered = plan(List.of(step("b", "B", false), step("a", "A", false)));
    assertEquals(List.of("steps"), diff(p, reordered), "a list's order counts");
    assertFalse(plan.syncedEquals(p, reordered));
  }

  @Test
  void aSetComparesWithoutOrderAndAMapByKey() throws Exception {
    Object p = plan(List.of());
    set(p, "stepSet", new LinkedHashSet<>(List.of(step("a", "A", false), step("b", "B", true))));
    Object other = plan(List.of());
    set(
        other,
        "stepSet",
        new LinkedHashSet<>(List.of(step("b", "B", false), step("a", "A", false))));
    assertEquals(List.of(), diff(p, other));
    assertEquals(plan.snapshot(p), plan.snapshot(other));
    assertEquals(plan.snapshot(p).hashCode(), plan.snapshot(other).hashCode());

    set(p, "lanes", new LinkedHashMap<>(Map.of("x", step("a", "A", true))));
    set(other, "lanes", new LinkedHashMap<>(Map.of("y", step("a", "A", true))));
    assertEquals(List.of("lanes"), diff(p, other), "the same element under another key");
  }

  // ------------------------------------------------------------------ patch

  @Test
  void aPatchSetsTheWholeCollectionMergingByIdOnApply() throws Exception {
    Object source = plan(List.of(step("b", "B", false), step("a", "A2", false)));
    Patch<Object> patch = plan.patch(source, Set.of(field("steps")));
    set(steps(source).get(1), "title", "late");
    steps(source).clear();
    Object target = plan(List.of(step("a", "A", true), step("c", "C", true)));

    patch.applyTo(target);
    assertEquals(List.of("b", "a"), column(steps(target), "id"));
    assertEquals(List.of("B", "A2"), column(steps(target), "title"), "the patch kept its own");
    assertEquals(List.of(false, true), column(steps(target), "expanded"));
    assertEquals(
        patch,
        plan.patch(
            plan(List.of(step("b", "B", true), step("a", "A2", true))), Set.of(field("steps"))));
    assertNotEquals(
        patch, plan.patch(plan(List.of(step("a", "A2", true))), Set.of(field("steps"))));
  }

  // ------------------------------------------------------------------ JSON

  @Test
  void elementsAreReadAndWrittenByTheirOwnCodecWithoutLocalOnlyFields() throws Exception {
    Object a = step("a", "A", true);
    checks(a).add(check(1, "one", true));
    Object p = plan(List.of(a));
    set(p, "lanes", new LinkedHashMap<>(Map.of("todo", step("b", "B", true))));
    String json = new String(JsonCodecs.writeEntity(MAPPER, planJson, p), StandardCharsets.UTF_8);
    assertEquals(
        "{\"id\":\"p1\",\"steps\":[{\"id\":\"a\",\"title\":\"A\",\"checks\":[{\"id\":1,\"text\":\"one\"}],"
            + "\"version\":1}],\"stepSet\":null,\"lanes\":{\"todo\":{\"id\":\"b\",\"title\":\"B\","
            + "\"checks\":[],\"version\":1}},\"version\":1}",
        json);

    Object read = JsonCodecs.readEntity(MAPPER, planJson, bytes(json), null);
    assertTrue(plan.syncedEquals(p, read));
    assertFalse((Boolean) get(steps(read).get(0), "expanded"), "local-only never comes in");
    steps(read).add(step("x", "X", false)); // read into a list the entity owns

    Patch<Object> cleared = JsonCodecs.readPatch(MAPPER, planJson, bytes("{\"steps\":null}"), null);
    assertTrue(cleared.sets(field("steps")));
    assertNull(cleared.get(field("steps")));
    assertFalse(JsonCodecs.readPatch(MAPPER, planJson, bytes("{}"), null).sets(field("steps")));
  }

  @Test
  void aNullElementAnElementWithoutIdAndARepeatedIdAreBadServerData() throws Exception {
    assertEquals(
        "Plan 'p1', field 'steps': element 1 is null, where a Step with its id must be",
        badPlan("[{\"id\":\"a\",\"version\":1},null]"));
    assertEquals(
        "Plan 'p1', field 'steps': element 0, field 'id': the id is missing",
        badPlan("[{\"title\":\"A\",\"version\":1}]"));
    assertEquals(
        "Plan 'p1', field 'steps': element 0, field 'id': the id is missing",
        badPlan("[{\"id\":null,\"version\":1}]"));
    assertEquals(
        "Plan 'p1', field 'steps': element 0, field 'checks': element 1 has no id: a Check is"
            + " merged by its id",
        badPlan("[{\"id\":\"a\",\"version\":1,\"checks\":[{\"id\":7},{\"id\":0}]}]"));
    assertEquals(
        "Plan 'p1', field 'steps': element 2 has the id 'a' that element 0 has",
        badPlan(
            "[{\"id\":\"a\",\"version\":1},{\"id\":\"b\",\"version\":1},{\"id\":\"a\",\"version\":2}]"));
    assertEquals(
        "Plan 'p1', field 'steps': element 0, field 'checks': element 1 has the id '7' that"
            + " element 0 has",
        badPlan("[{\"id\":\"a\",\"version\":1,\"checks\":[{\"id\":7},{\"id\":7}]}]"));
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    planJson,
                    bytes(
                        "{\"id\":\"p1\",\"version\":1,\"lanes\":{\"x\":{\"id\":\"a\",\"version\":1},"
                            + "\"y\":{\"id\":\"a\",\"version\":1}}}"),
                    null));
    assertEquals(
        "Plan 'p1', field 'lanes': key 'y' has the id 'a' that key 'x' has", e.getMessage());
  }

  /**
   * A mapper whose factory is a subclass: its bodies never go through the byte reader or writer.
   */
  private static final ObjectMapper NOT_PLAIN =
      new ObjectMapper(new com.fasterxml.jackson.core.JsonFactory() {});

  /** Reads through Jackson's parser, never the byte reader. */
  private static Object viaJackson(String json, boolean patch) {
    return patch
        ? JsonCodecs.readPatch(NOT_PLAIN, planJson, bytes(json), null)
        : JsonCodecs.readEntity(NOT_PLAIN, planJson, bytes(json), null);
  }

  /** What reading {@code json} gives: the entity or patch, or the message of the refusal. */
  private static Object outcome(String json, boolean patch, boolean bytes) {
    try {
      return bytes
          ? patch
              ? JsonCodecs.readPatch(MAPPER, planJson, bytes(json), null)
              : JsonCodecs.readEntity(MAPPER, planJson, bytes(json), null)
          : viaJackson(json, patch);
    } catch (Exception e) {
      return e.getMessage();
    }
  }

  @Test
  void nestedArraysAndObjectsReadAndWriteTheSameOnBytesAsOnJackson() throws Exception {
    String step = "{\"id\":\"a\",\"title\":\"A\",\"version\":1,\"expanded\":true,\"checks\":";
    String[] documents = {
      "{\"id\":\"p1\",\"version\":1,\"steps\":[],\"stepSet\":null,\"lanes\":{}}",
      "{\"id\":\"p1\",\"version\":1,\"steps\":[" + step + "[]}],\"lanes\":{},\"pinned\":true}",
      "{\"id\":\"p1\",\"steps\":[" + step + "null}],\"version\":1}",
      "{\"id\":\"p1\",\"version\":1,\"steps\":["
          + step
          + "[{\"id\":1,\"open\":true},"
          + "{\"id\":2,\"text\":null}]}],\"stepSet\":["
          + step
          + "[]}],"
          + "\"lanes\":{\"todo\":"
          + step
          + "[]},\"done\":null}}",
      "{ \"id\" : \"p1\" , \"version\" : 1 , \"steps\" : [ ] , \"lanes\" : { } }",
      "{\"id\":\"p1\",\"version\":1,\"steps\":[null]}",
      "{\"id\":\"p1\",\"version\":1,\"steps\":[" + step + "[{\"id\":1},{\"id\":1}]}]}",
      "{\"id\":\"p1\",\"version\":1,\"lanes\":{\"x\":" + step + "[]},\"y\":" + step + "[]}}}",
      "{\"id\":\"p1\",\"version\":1,\"steps\":[" + step + "[{\"id\":\"one\"}]}]}",
      "{\"id\":\"p1\",\"version\":1,\"steps\":[]\"lanes\":{}}"
    };
    for (String json : documents) {
      Object fast = outcome(json, false, true);
      Object slow = outcome(json, false, false);
      if (fast instanceof String message) {
        assertEquals(slow, message, json);
        continue;
      }
      assertTrue(plan.syncedEquals(slow, fast), json);
      for (Object each : steps(fast) == null ? List.of() : steps(fast)) {
        assertFalse(each != null && (Boolean) get(each, "expanded"), "local-only stays out");
      }
      // Written back: the same bytes whether written as bytes or through Jackson's generator.
      assertEquals(
          new String(JsonCodecs.writeEntity(NOT_PLAIN, planJson, fast), StandardCharsets.UTF_8),
          new String(JsonCodecs.writeEntity(MAPPER, planJson, fast), StandardCharsets.UTF_8),
          json);
    }
    // Absent, null and empty stay apart in a patch, on both readers.
    for (boolean bytes : new boolean[] {true, false}) {
      Patch<?> empty = (Patch<?>) outcome("{\"steps\":[],\"lanes\":{}}", true, bytes);
      assertEquals(List.of(), empty.get(field("steps")));
      assertEquals(Map.of(), empty.get(field("lanes")));
      assertFalse(empty.sets(field("stepSet")));
      Patch<?> nulls = (Patch<?>) outcome("{\"steps\":null,\"lanes\":null}", true, bytes);
      assertTrue(nulls.sets(field("steps")) && nulls.sets(field("lanes")));
      assertNull(nulls.get(field("steps")));
      assertNull(nulls.get(field("lanes")));
    }
  }

  private static String badPlan(String steps) {
    return assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    planJson,
                    bytes("{\"id\":\"p1\",\"version\":1,\"steps\":" + steps + "}"),
                    null))
        .getMessage();
  }
}
