package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.runtime.spi.Snapshot;
import io.github.synced.testing.VirtualScheduler;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Records: every method that "changes" one returns a new instance, so the store must use return
 * values everywhere. Also a non-String id. {@code Note} and its description are what the processor
 * would generate for {@code record Note(@SyncId long id, String text, @SyncVersion long
 * version, @LocalOnly boolean pinned)}.
 */
class RecordEntityTest {

  record Note(Long id, String text, long version, boolean pinned) {}

  enum NoteField implements EntityField {
    ID,
    TEXT,
    VERSION;

    @Override
    public String fieldName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record NoteSnapshot(Long id, String text, long version) implements Snapshot<Note> {
    @Override
    public Object get(EntityField field) {
      return switch ((NoteField) field) {
        case ID -> id;
        case TEXT -> text;
        case VERSION -> version;
      };
    }
  }

  record NotePatch(String text) implements Patch<Note> {
    @Override
    public Set<NoteField> fields() {
      return EnumSet.of(NoteField.TEXT);
    }

    @Override
    public Object get(EntityField field) {
      if (field != NoteField.TEXT) {
        throw new IllegalArgumentException("not set: " + field);
      }
      return text;
    }

    @Override
    public Note applyTo(Note n) {
      return new Note(n.id(), text, n.version(), n.pinned());
    }
  }

  static final class NoteType implements EntityType<Long, Note> {
    @Override
    public String name() {
      return "Note";
    }

    @Override
    public Class<Note> type() {
      return Note.class;
    }

    @Override
    public List<NoteField> fields() {
      return List.of(NoteField.values());
    }

    @Override
    public EntityField idField() {
      return NoteField.ID;
    }

    @Override
    public Class<Long> idType() {
      return Long.class;
    }

    @Override
    public Long unsetId() {
      return null;
    }

    @Override
    public Long id(Note n) {
      return n.id();
    }

    @Override
    public Note withId(Note n, Long id) {
      return new Note(id, n.text(), n.version(), n.pinned());
    }

    @Override
    public boolean hasVersion() {
      return true;
    }

    @Override
    public EntityField versionField() {
      return NoteField.VERSION;
    }

    @Override
    public Object version(Note n) {
      return n.version();
    }

    @Override
    public int compareVersions(Note a, Note b) {
      return Long.compare(a.version(), b.version());
    }

    @Override
    public Note copy(Note n) {
      return n; // immutable: a record is its own copy
    }

    @Override
    public Note syncedCopy(Note n) {
      return new Note(n.id(), n.text(), n.version(), false);
    }

    @Override
    public Snapshot<Note> snapshot(Note n) {
      return new NoteSnapshot(n.id(), n.text(), n.version());
    }

    @Override
    public Note restore(Note target, Snapshot<Note> s) {
      return new Note(
          (Long) s.get(NoteField.ID),
          (String) s.get(NoteField.TEXT),
          (Long) s.get(NoteField.VERSION),
          target.pinned());
    }

    @Override
    public Note merge(Note local, Note server) {
      return restore(local, snapshot(server));
    }

    @Override
    public Patch<Note> patch(Note source, Set<? extends EntityField> fields) {
      if (!fields.equals(Set.of(NoteField.TEXT))) {
        throw new IllegalArgumentException("this test patch sets text only: " + fields);
      }
      return new NotePatch(source.text());
    }

    @Override
    public Set<NoteField> diff(Note a, Note b) {
      EnumSet<NoteField> d = EnumSet.noneOf(NoteField.class);
      for (NoteField f : NoteField.values()) {
        if (!Objects.equals(get(a, f), get(b, f))) {
          d.add(f);
        }
      }
      return d;
    }

    @Override
    public Object get(Note n, EntityField field) {
      return snapshot(n).get(field);
    }
  }

  /** Answers every write at once from a queue the test fills. */
  static final class Answers implements Remote<Long, Note> {
    final java.util.ArrayDeque<CompletableFuture<Reply<Note>>> waiting =
        new java.util.ArrayDeque<>();
    final java.util.List<Write<Long, Note>> sent = new java.util.ArrayList<>();

    @Override
    public CompletionStage<Reply<Note>> send(Write<Long, Note> write) {
      sent.add(write);
      CompletableFuture<Reply<Note>> f = new CompletableFuture<>();
      waiting.add(f);
      return f;
    }

    @Override
    public CompletionStage<java.util.Optional<Note>> fetch(Long id) {
      return CompletableFuture.completedFuture(java.util.Optional.empty());
    }

    @Override
    public CompletionStage<List<Note>> fetchAll() {
      return CompletableFuture.completedFuture(List.of());
    }
  }

  @Test
  void recordsAreReplacedNotChangedThroughConfirmRollbackAndLocalEdits() {
    Answers remote = new Answers();
    SyncStore<Long, Note> store =
        SyncStore.of(new NoteType()).remote(remote).scheduler(new VirtualScheduler()).build();
    Note loaded = new Note(1L, "server", 1, false);
    store.load(List.of(loaded));

    Note pinned = store.localWith(1L, n -> new Note(n.id(), n.text(), n.version(), true));
    Mutation<Long, Note> first = store.update(1L, new NotePatch("mine"));
    Mutation<Long, Note> second =
        store.modifyWith(1L, n -> new Note(n.id(), n.text() + "!", n.version(), n.pinned()));

    assertEquals(new Note(1L, "mine!", 1, true), store.get(1L).orElseThrow());
    assertEquals(new Note(1L, "server", 1, false), loaded, "the loaded record is untouched");
    assertTrue(pinned.pinned());
    assertEquals("mine", remote.sent.get(0).patch().get(NoteField.TEXT));

    remote.waiting.poll().completeExceptionally(SyncFailure.rejected(400, "no"));
    assertEquals(MutationState.ROLLED_BACK, first.state());
    assertEquals(new Note(1L, "server!", 1, true), store.get(1L).orElseThrow());

    remote.waiting.poll().complete(Reply.entity(new Note(1L, "server!", 2, false)));
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals(new Note(1L, "server!", 2, true), store.get(1L).orElseThrow());
    assertSame(null, second.error().orElse(null));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> store.localWith(1L, n -> new Note(n.id(), "sneaky", n.version(), n.pinned())));
    assertEquals(
        "Note '1', field 'text': a local edit may change only @LocalOnly fields; change synced"
            + " fields with update(...)",
        e.getMessage());
  }
}
