package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A field whose type is another {@code @Synced} class (one nested object), compiled with {@code
 * -Werror}, loaded, and called through the runtime's interfaces: copied deeply, merged field by
 * field keeping the nested object's local-only fields, and read and written through the nested
 * type's codec.
 */
class GeneratedNestedTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static EntityType<String, Object> team;
  private static EntityType<String, Object> squad;
  private static JsonCodec<Object> teamJson;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() throws Exception {
    Compilation c =
        Sources.compileStrict(
            List.of(
                Sources.source(
                    "test.Member",
                    "package test;",
                    "import io.github.synced.*;",
                    "import java.util.*;",
                    "@Synced",
                    "public class Member {",
                    "  @SyncId public String id;",
                    "  public String name;",
                    "  public List<String> roles;",
                    "  @SyncVersion public long version;",
                    "  @LocalOnly public boolean expanded;",
                    "}"),
                Sources.source(
                    "test.Team",
                    "package test;",
                    "import io.github.synced.*;",
                    "@Synced",
                    "public class Team {",
                    "  @SyncId public String id;",
                    "  public String name;",
                    "  public Member lead;",
                    "  @SyncVersion public long version;",
                    "}"),
                Sources.source(
                    "test.Squad",
                    "package test;",
                    "import io.github.synced.*;",
                    "@Synced",
                    "public record Squad(@SyncId String id, Member lead, @SyncVersion long version)"
                        + " {}")));
    assertThat(c).succeededWithoutWarnings();
    loader = new CompiledClassLoader(c.generatedFiles());
    team = type("test.TeamSync");
    squad = type("test.SquadSync");
    @SuppressWarnings("unchecked")
    JsonCodec<Object> codec =
        (JsonCodec<Object>) loader.loadClass("test.TeamJson").getConstructor().newInstance();
    teamJson = codec;
  }

  @SuppressWarnings("unchecked")
  private static EntityType<String, Object> type(String name) throws Exception {
    return (EntityType<String, Object>) loader.loadClass(name).getField("TYPE").get(null);
  }

  private static Object member(String name, boolean expanded) throws Exception {
    Object m = loader.loadClass("test.Member").getConstructor().newInstance();
    set(m, "id", "m1");
    set(m, "name", name);
    set(m, "roles", new ArrayList<>(List.of("lead")));
    set(m, "version", 3L);
    set(m, "expanded", expanded);
    return m;
  }

  private static Object team(Object lead) throws Exception {
    Object t = team.type().getConstructor().newInstance();
    set(t, "id", "t1");
    set(t, "name", "Core");
    set(t, "lead", lead);
    set(t, "version", 1L);
    return t;
  }

  private static void set(Object entity, String field, Object value) throws Exception {
    entity.getClass().getField(field).set(entity, value);
  }

  private static Object get(Object entity, String field) throws Exception {
    return entity.getClass().getField(field).get(entity);
  }

  private static EntityField lead() {
    return team.fields().stream()
        .filter(f -> f.fieldName().equals("lead"))
        .findFirst()
        .orElseThrow();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void copyIsDeepAndSyncedCopyLeavesTheNestedLocalOnlyValuesBehind() throws Exception {
    Object t = team(member("Ann", true));
    Object copy = team.copy(t);
    Object lead = get(copy, "lead");

    assertNotSame(get(t, "lead"), lead);
    assertTrue((Boolean) get(lead, "expanded"), "a copy is equal in every field");
    set(lead, "name", "Bob");
    assertEquals("Ann", get(get(t, "lead"), "name"));
    assertFalse((Boolean) get(get(team.syncedCopy(t), "lead"), "expanded"));
  }

  @Test
  void mergeTakesTheNestedSyncedFieldsAndKeepsItsLocalOnlyOnes() throws Exception {
    Object local = team(member("Ann", true));
    Object server = team(member("Bob", false));
    set(server, "version", 2L);
    Object serverLead = get(server, "lead");

    team.merge(local, server);
    Object lead = get(local, "lead");
    assertEquals("Bob", get(lead, "name"));
    assertTrue((Boolean) get(lead, "expanded"), "the nested local-only value stays");
    assertNotSame(serverLead, lead);
    assertEquals("Bob", get(serverLead, "name"));

    set(server, "lead", null);
    team.merge(local, server);
    assertNull(get(local, "lead"), "the server has no nested object");
    set(server, "lead", member("Cy", true));
    team.merge(local, server);
    assertEquals("Cy", get(get(local, "lead"), "name"));
    assertNotSame(get(server, "lead"), get(local, "lead"));
  }

  @Test
  void aSnapshotKeepsTheNestedStateAndRestoreKeepsItsLocalOnlyValues() throws Exception {
    Object t = team(member("Ann", false));
    Snapshot<Object> snapshot = team.snapshot(t);
    Object lead = get(t, "lead");
    set(lead, "name", "changed");
    set(lead, "expanded", true);

    assertEquals("Ann", get(snapshot.get(lead()), "name"));
    assertEquals(team.snapshot(team(member("Ann", true))), snapshot, "equal synced state");
    assertNotEquals(team.snapshot(t), snapshot);
    team.restore(t, snapshot);
    assertEquals("Ann", get(get(t, "lead"), "name"));
    assertTrue((Boolean) get(get(t, "lead"), "expanded"));
  }

  @Test
  void diffSeesTheNestedSyncedFieldsOnly() throws Exception {
    Object a = team(member("Ann", false));
    Object b = team.copy(a);
    set(get(b, "lead"), "expanded", true);
    assertEquals(Set.of(), team.diff(a, b));
    ((List<?>) get(get(b, "lead"), "roles")).clear();
    assertEquals(List.of("lead"), team.diff(a, b).stream().map(EntityField::fieldName).toList());
  }

  @Test
  void aPatchSetsTheWholeNestedObjectAndKeepsTheTargetsLocalOnlyValues() throws Exception {
    Object source = team(member("Bob", false));
    Patch<Object> patch = team.patch(source, Set.of(lead()));
    set(get(source, "lead"), "name", "late");
    Object target = team(member("Ann", true));

    patch.applyTo(target);
    assertEquals("Bob", get(get(target, "lead"), "name"));
    assertTrue((Boolean) get(get(target, "lead"), "expanded"));
    assertEquals(patch, team.patch(team(member("Bob", true)), Set.of(lead())));
  }

  @Test
  void theNestedObjectIsReadAndWrittenByItsOwnCodec() throws Exception {
    String json =
        "{\"id\":\"t1\",\"name\":\"Core\",\"lead\":{\"id\":\"m1\",\"name\":\"Ann\",\"roles\":[\"lead\"],"
            + "\"version\":3},\"version\":1}";
    Object t = JsonCodecs.readEntity(MAPPER, teamJson, bytes(json), null);
    assertTrue(team.syncedEquals(team(member("Ann", true)), t));
    assertEquals(
        json, new String(JsonCodecs.writeEntity(MAPPER, teamJson, t), StandardCharsets.UTF_8));

    Patch<Object> cleared = JsonCodecs.readPatch(MAPPER, teamJson, bytes("{\"lead\":null}"), null);
    assertTrue(cleared.sets(lead()));
    assertNull(cleared.get(lead()));
    assertFalse(JsonCodecs.readPatch(MAPPER, teamJson, bytes("{}"), null).sets(lead()));

    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    MAPPER,
                    teamJson,
                    bytes("{\"id\":\"t1\",\"version\":1,\"lead\":{\"id\":\"m1\",\"name\":5}}"),
                    null));
    assertEquals(
        "Team 't1', field 'lead': field 'name': expected a string, found NUMBER", e.getMessage());
  }

  @Test
  void aRecordEntityLeavesBothArgumentsOfMergeUntouched() throws Exception {
    Object localLead = member("Ann", true);
    Object local = squad.type().getConstructors()[0].newInstance("s1", localLead, 1L);
    Object server = squad.type().getConstructors()[0].newInstance("s1", member("Bob", false), 2L);

    Object merged = squad.merge(local, server);
    Object lead = merged.getClass().getMethod("lead").invoke(merged);
    assertEquals("Bob", get(lead, "name"));
    assertTrue((Boolean) get(lead, "expanded"));
    assertEquals("Ann", get(localLead, "name"), "local's nested object is not changed");
    assertSame(localLead, local.getClass().getMethod("lead").invoke(local));
  }
}
