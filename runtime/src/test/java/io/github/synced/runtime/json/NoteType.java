package io.github.synced.runtime.json;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.runtime.spi.Snapshot;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The hand-written entity description of {@link Note}. */
public final class NoteType implements EntityType<String, Note> {

  /** The one instance. */
  public static final NoteType TYPE = new NoteType();

  private NoteType() {}

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
  public Class<String> idType() {
    return String.class;
  }

  @Override
  public String unsetId() {
    return null;
  }

  @Override
  public String id(Note entity) {
    return entity.id;
  }

  @Override
  public Note withId(Note entity, String id) {
    entity.id = id;
    return entity;
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
  public Object version(Note entity) {
    return entity.version;
  }

  @Override
  public int compareVersions(Note a, Note b) {
    return Long.compare(a.version, b.version);
  }

  @Override
  public Note copy(Note entity) {
    Note copy = new Note(entity.id, entity.text, entity.priority, entity.version);
    copy.pinned = entity.pinned;
    return copy;
  }

  @Override
  public Note syncedCopy(Note entity) {
    return new Note(entity.id, entity.text, entity.priority, entity.version);
  }

  @Override
  public Snapshot<Note> snapshot(Note e) {
    return new NoteSnapshot(e.id, e.text, e.priority, e.version);
  }

  @Override
  public Note restore(Note target, Snapshot<Note> snapshot) {
    NoteSnapshot s = (NoteSnapshot) snapshot;
    target.id = s.id();
    target.text = s.text();
    target.priority = s.priority();
    target.version = s.version();
    return target;
  }

  @Override
  public Note merge(Note local, Note server) {
    return restore(local, snapshot(server));
  }

  @Override
  public Patch<Note> patch(Note source, Set<? extends EntityField> fields) {
    NotePatch patch = NotePatch.empty();
    for (EntityField f : fields) {
      if (!(f instanceof NoteField nf)) {
        throw new IllegalArgumentException("not a field of Note: " + f);
      }
      patch = patch.with(nf, get(source, nf));
    }
    return patch;
  }

  @Override
  public Set<NoteField> diff(Note a, Note b) {
    Set<NoteField> changed = EnumSet.noneOf(NoteField.class);
    for (NoteField f : NoteField.values()) {
      if (!Objects.equals(get(a, f), get(b, f))) {
        changed.add(f);
      }
    }
    return changed;
  }

  @Override
  public Object get(Note entity, EntityField field) {
    return snapshot(entity).get(field);
  }
}
