package io.github.synced.example.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import java.util.List;
import java.util.Random;

/**
 * What the soak needs to know about one entity class: its generated type and codec, and how to make
 * random mutations of it through its generated {@code XMutations}. Every update and create writes a
 * text field with a value unique to the mutation, so the server's log tells which writes it
 * applied.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public abstract class Subject<K, E> {

  /** The generated entity description ({@code XSync.TYPE}). */
  abstract EntityType<K, E> type();

  /** The generated JSON codec. */
  abstract JsonCodec<E> codec(ObjectMapper mapper);

  /** The JSON property that carries the unique text of each write. */
  abstract String textProperty();

  /** Properties of the {@code i}-th entity the server starts with. */
  abstract ObjectNode seed(ObjectMapper mapper, int i);

  /** Makes the generated mutations over {@code store}; called once before any mutation. */
  abstract void attach(SyncStore<K, E> store);

  /** An update that sets the text to {@code text} and maybe other fields. */
  abstract Mutation<K, E> update(K id, String text, Random random);

  /** A draft with the text {@code text}, other synced fields and local-only values at random. */
  abstract E draft(String text, Random random);

  /** A client-made id, unique to {@code n}, for stores with client-assigned ids. */
  abstract K clientId(long n);

  /** Creates {@code draft}. */
  abstract Mutation<K, E> create(E draft);

  /** Deletes the entity. */
  abstract Mutation<K, E> delete(K id);

  /** Sets local-only values of the entity at random; returns the entity after the edit. */
  abstract E local(K id, Random random);

  /** The local-only values of {@code entity}, in a fixed order. */
  abstract List<Object> localValues(E entity);

  /** The local-only values of a new instance. */
  abstract List<Object> newLocalValues();
}
