package io.github.synced.example.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.Note;
import io.github.synced.example.NoteJson;
import io.github.synced.example.NoteMutations;
import io.github.synced.example.NoteSync;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import java.util.List;
import java.util.Random;

/**
 * Notes (numeric ids, no version) through the generated {@link NoteMutations}: the text is the
 * unique text.
 */
public final class NoteSubject extends Subject<Long, Note> {

  private NoteMutations notes;

  @Override
  EntityType<Long, Note> type() {
    return NoteSync.TYPE;
  }

  @Override
  JsonCodec<Note> codec(ObjectMapper mapper) {
    return new NoteJson();
  }

  @Override
  String textProperty() {
    return "text";
  }

  @Override
  ObjectNode seed(ObjectMapper mapper, int i) {
    return mapper.createObjectNode().put("text", "Seed note " + i).put("stars", i % 5);
  }

  @Override
  void attach(SyncStore<Long, Note> store) {
    notes = new NoteMutations(store);
  }

  @Override
  Mutation<Long, Note> update(Long id, String text, Random random) {
    boolean alsoStars = random.nextBoolean();
    int stars = random.nextInt(6);
    return notes.update(id, p -> alsoStars ? p.text(text).stars(stars) : p.text(text));
  }

  @Override
  Note draft(String text, Random random) {
    Note draft = new Note(0, text, random.nextInt(6));
    draft.setPinned(random.nextBoolean());
    return draft;
  }

  @Override
  Long clientId(long n) {
    return 1_000_000_000L + n;
  }

  @Override
  Mutation<Long, Note> create(Note draft) {
    return notes.create(draft);
  }

  @Override
  Mutation<Long, Note> delete(Long id) {
    return notes.delete(id);
  }

  @Override
  Note local(Long id, Random random) {
    boolean pinned = random.nextBoolean();
    return notes.local(id, n -> n.setPinned(pinned));
  }

  @Override
  List<Object> localValues(Note note) {
    return List.of(note.isPinned());
  }

  @Override
  List<Object> newLocalValues() {
    return localValues(new Note());
  }
}
