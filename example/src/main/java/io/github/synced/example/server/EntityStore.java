package io.github.synced.example.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.server.BodyCheck.BadRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link RestServer}'s entities and its log of applied writes: the server-wide write counter
 * that versions them, new ids, the writes of the server's owner and of the second writer, and the
 * listeners of applied writes.
 *
 * <p>The store is the server's lock: its own methods take it, and the methods documented as "under
 * the lock" are for a caller that holds it ({@code synchronized (store)}) for a whole request.
 */
final class EntityStore {

  private final Shape shape;
  private final JsonAnswers json;
  private final BodyCheck bodies;
  private final List<Consumer<? super ServerWrite>> listeners = new CopyOnWriteArrayList<>();
  private final Random writerRandom;
  private final Map<String, ObjectNode> entities = new LinkedHashMap<>();
  private final Map<String, Long> born = new HashMap<>();
  private final List<ServerWrite> log = new ArrayList<>();
  private long sequence;
  private long lastId;
  private long secondWriterEdits;
  private long writerGeneration;

  EntityStore(Shape shape, JsonAnswers json, BodyCheck bodies, long seed) {
    this.shape = shape;
    this.json = json;
    this.bodies = bodies;
    this.writerRandom = new Random(seed ^ 0x5DEECE66DL);
  }

  /** See {@link RestServer#add}. */
  ObjectNode add(ObjectNode properties) {
    synchronized (this) {
      ObjectNode object = properties.deepCopy();
      object.remove(Shape.ID);
      try {
        bodies.check(object, null);
        bodies.requireFields(object);
      } catch (BadRequest e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      String refusal = bodies.refusal(object);
      if (refusal != null) {
        throw new IllegalArgumentException(refusal);
      }
      ObjectNode entity = newEntity(newId(), object);
      applied(AppliedWrite.Kind.CREATE, id(entity), AppliedWrite.Writer.SERVER, null, entity);
      return entity.deepCopy();
    }
  }

  /** See {@link RestServer#editBehindClientsBack}. */
  ObjectNode editBehindClientsBack(String id, String value) {
    Objects.requireNonNull(value, "value");
    synchronized (this) {
      ObjectNode entity = entities.get(id);
      if (entity == null) {
        throw new NoSuchElementException("no " + shape.entity() + " " + id);
      }
      ObjectNode edited = entity.deepCopy();
      edited.put(shape.edited(), value);
      updated(id, edited, AppliedWrite.Writer.SECOND_WRITER, null);
      return edited.deepCopy();
    }
  }

  /** See {@link RestServer#writeBehindClientsBack}. */
  ObjectNode writeBehindClientsBack(String id, ObjectNode properties) {
    synchronized (this) {
      ObjectNode entity = entities.get(id);
      if (entity == null) {
        throw new NoSuchElementException("no " + shape.entity() + " " + id);
      }
      ObjectNode object = properties.deepCopy();
      object.remove(Shape.ID);
      try {
        bodies.check(object, null);
      } catch (BadRequest e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      String refusal = bodies.refusal(object);
      if (refusal != null) {
        throw new IllegalArgumentException(refusal);
      }
      ObjectNode edited = entity.deepCopy();
      for (Shape.Field f : shape.fields()) {
        if (object.has(f.name())) {
          edited.set(f.name(), bodies.stored(f, object.get(f.name())));
        }
      }
      updated(id, edited, AppliedWrite.Writer.SECOND_WRITER, null);
      return edited.deepCopy();
    }
  }

  /** See {@link RestServer#removeBehindClientsBack}. */
  void removeBehindClientsBack(String id) {
    synchronized (this) {
      if (entities.remove(id) == null) {
        throw new NoSuchElementException("no " + shape.entity() + " " + id);
      }
      ++sequence;
      applied(AppliedWrite.Kind.DELETE, id, AppliedWrite.Writer.SERVER, null, null);
    }
  }

  /** The entities as they are now, in creation order, by id (copies). */
  Map<String, ObjectNode> snapshot() {
    synchronized (this) {
      Map<String, ObjectNode> copy = new LinkedHashMap<>();
      entities.forEach((id, e) -> copy.put(id, e.deepCopy()));
      return Collections.unmodifiableMap(copy);
    }
  }

  /** Every write applied so far, in order. */
  List<ServerWrite> log() {
    synchronized (this) {
      return List.copyOf(log);
    }
  }

  /** The server-wide write counter: the number of writes applied so far. */
  long sequence() {
    synchronized (this) {
      return sequence;
    }
  }

  void onApplied(Consumer<? super ServerWrite> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Starts a new second writer: a tick of a previous one that is under way stops. */
  long nextWriterGeneration() {
    synchronized (this) {
      return ++writerGeneration;
    }
  }

  /** One edit of the second writer of {@code generation}, unless a newer one has started. */
  void secondWriterTick(long generation) {
    synchronized (this) {
      if (generation != writerGeneration || entities.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>(entities.keySet());
      String id = ids.get(writerRandom.nextInt(ids.size()));
      for (Shape.Field f : shape.fields()) {
        JsonNode items = entities.get(id).get(f.name());
        if (f.type() == Shape.Type.SUBTASKS && !items.isEmpty() && writerRandom.nextBoolean()) {
          ArrayNode renamed = items.deepCopy();
          ((ObjectNode) renamed.get(writerRandom.nextInt(renamed.size())))
              .put("title", "Edited elsewhere #" + ++secondWriterEdits);
          writeBehindClientsBack(id, json.object().set(f.name(), renamed));
          return;
        }
      }
      editBehindClientsBack(id, "Edited elsewhere #" + ++secondWriterEdits);
    }
  }

  // ---------------------------------------------------------------- under the lock

  /** The entity {@code id}, or null; not a copy. Under the lock. */
  ObjectNode get(String id) {
    return entities.get(id);
  }

  /** Every entity in creation order; not copies. Under the lock. */
  List<ObjectNode> all() {
    return new ArrayList<>(entities.values());
  }

  /** Whether there is an entity {@code id}. Under the lock. */
  boolean contains(String id) {
    return entities.containsKey(id);
  }

  /** The write counter when entity {@code id} was created. Under the lock. */
  Long born(String id) {
    return born.get(id);
  }

  /** A new id for a created entity. Under the lock. */
  String newId() {
    return switch (shape.ids()) {
      case PREFIXED -> shape.idPrefix() + ++lastId;
      case NUMERIC ->
          String.valueOf(entities.keySet().stream().mapToLong(Long::parseLong).max().orElse(0) + 1);
    };
  }

  /**
   * Creates entity {@code id} from a checked create body and logs the write as {@code writer}'s,
   * under idempotency key {@code key}; returns the entity, not a copy. Under the lock.
   */
  ObjectNode created(String id, ObjectNode object, AppliedWrite.Writer writer, String key) {
    ObjectNode entity = newEntity(id, object);
    applied(AppliedWrite.Kind.CREATE, id, writer, key, entity);
    return entity;
  }

  /** Stores {@code entity} as entity {@code id}'s new state and logs the write. Under the lock. */
  void updated(String id, ObjectNode entity, AppliedWrite.Writer writer, String key) {
    written(entity);
    entities.put(id, entity);
    applied(AppliedWrite.Kind.UPDATE, id, writer, key, entity);
  }

  /** Removes entity {@code id} and logs the write. Under the lock. */
  void deleted(String id, AppliedWrite.Writer writer, String key) {
    entities.remove(id);
    ++sequence;
    applied(AppliedWrite.Kind.DELETE, id, writer, key, null);
  }

  /** A new entity of {@code id} from a checked create body; counts the write. */
  private ObjectNode newEntity(String id, ObjectNode object) {
    ObjectNode entity = json.object();
    if (shape.ids() == Shape.Ids.NUMERIC) {
      entity.put(Shape.ID, Long.parseLong(id));
    } else {
      entity.put(Shape.ID, id);
    }
    for (Shape.Field f : shape.fields()) {
      JsonNode v = object.get(f.name());
      if (v != null || f.type() == Shape.Type.SUBTASKS) {
        entity.set(f.name(), bodies.stored(f, v));
      } else if (f.type() == Shape.Type.BOOLEAN) {
        entity.put(f.name(), false);
      } else {
        entity.put(f.name(), 0);
      }
    }
    written(entity);
    entities.put(id, entity);
    born.put(id, sequence);
    return entity;
  }

  /** Counts a write of {@code entity} and stamps its version, where the shape has one. */
  private void written(ObjectNode entity) {
    ++sequence;
    if (shape.versioned()) {
      entity.put(shape.version(), sequence);
    }
  }

  private void applied(
      AppliedWrite.Kind kind, String id, AppliedWrite.Writer writer, String key, ObjectNode after) {
    ServerWrite entry =
        new ServerWrite(sequence, kind, id, writer, key, after == null ? null : after.deepCopy());
    log.add(entry);
    for (Consumer<? super ServerWrite> l : listeners) {
      l.accept(entry);
    }
  }

  static String id(ObjectNode entity) {
    return entity.get(Shape.ID).asText();
  }
}
