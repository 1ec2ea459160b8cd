package io.github.synced.example.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.github.synced.example.server.BodyCheck.BadRequest;
import io.github.synced.example.server.Personality.Answer;
import io.github.synced.example.server.Personality.IfMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The {@link RestServer}'s API: a request's route (the collection or one entity), its idempotency
 * key, its {@code If-Match} precondition, and the read or write it asks for, answered as the {@link
 * Personality} says. Injected faults are decided before a request gets here.
 */
final class Routes {

  static final String REPLAYED = "Idempotent-Replayed";

  /** An applied write's request and answer, kept under its idempotency key. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Recorded(String method, String path, byte[] body, Response response) {}

  private final Personality personality;
  private final Shape shape;
  private final String path;
  private final EntityStore store;
  private final JsonAnswers json;
  private final BodyCheck bodies;
  private final Listings listings;
  private final Random answerRandom;
  private final Map<String, Recorded> recorded = new HashMap<>();

  Routes(
      Personality personality,
      EntityStore store,
      JsonAnswers json,
      BodyCheck bodies,
      Listings listings,
      long seed) {
    this.personality = personality;
    this.shape = personality.shape();
    this.path = personality.path();
    this.store = store;
    this.json = json;
    this.bodies = bodies;
    this.listings = listings;
    this.answerRandom = new Random(seed ^ 0x2545F4914F6CDD1DL);
  }

  /** The answer to a request that no fault stopped; a write it applies is applied here. */
  Response process(String method, String rawPath, String query, Headers headers, byte[] body) {
    String id = null;
    if (!rawPath.equals(path)) {
      if (!rawPath.startsWith(path + "/") || rawPath.length() == path.length() + 1) {
        return json.error(404, "no resource at " + rawPath);
      }
      String segment = rawPath.substring(path.length() + 1);
      if (segment.contains("/")) {
        return json.error(404, "no resource at " + rawPath);
      }
      id = URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
    String key = headers.getFirst("Idempotency-Key");
    String ifMatch = headers.getFirst("If-Match");
    boolean write = !method.equals("GET");
    synchronized (store) {
      if (write && key != null) {
        Recorded r = recorded.get(key);
        if (r != null) {
          if (!r.method().equals(method) || !r.path().equals(rawPath)) {
            return json.error(
                422, "Idempotency-Key " + key + " was used for " + r.method() + " " + r.path());
          }
          if (personality.keyPerBody() && !Arrays.equals(r.body(), body)) {
            return json.error(
                422,
                "Idempotency-Key "
                    + key
                    + " was used with another body: "
                    + new String(r.body(), StandardCharsets.UTF_8));
          }
          return r.response().with(REPLAYED, "true");
        }
      }
      Response response =
          switch (method + (id == null ? " collection" : " item")) {
            case "GET collection" -> listings.list(query);
            case "GET item" -> get(id);
            case "POST collection" -> create(body, key);
            case "PATCH item" -> update(id, body, ifMatch, key);
            case "DELETE item" -> delete(id, ifMatch, key);
            default ->
                json.error(405, method + " is not allowed on " + rawPath)
                    .with("Allow", id == null ? "GET, POST" : "GET, PATCH, DELETE");
          };
      if (write && key != null && response.status() / 100 == 2) {
        recorded.put(key, new Recorded(method, rawPath, body, response));
      }
      return response;
    }
  }

  private Response get(String id) {
    ObjectNode entity = store.get(id);
    return entity == null ? notFound(id) : json.json(200, entity);
  }

  private Response create(byte[] body, String key) {
    ObjectNode object;
    try {
      object = bodies.parseObject(body);
      bodies.check(object, null);
      bodies.requireFields(object);
    } catch (BadRequest e) {
      return json.error(400, e.getMessage());
    }
    String refusal = bodies.refusal(object);
    if (refusal != null) {
      return json.error(422, refusal);
    }
    String id;
    JsonNode sent = object.get(Shape.ID);
    if (personality.keepsClientIds() && sent != null && !sent.isNull()) {
      id = sent.asText();
      if (store.contains(id)) {
        return json.error(
            409, "duplicate id " + id + ": a " + shape.entity() + " " + id + " exists");
      }
    } else {
      id = store.newId();
    }
    ObjectNode entity = store.created(id, object, AppliedWrite.Writer.CLIENT, key);
    Response answer =
        switch (personality.createAnswer()) {
          case ID_AND_VERSION -> json.json(201, idAndVersion(entity));
          default -> json.json(201, entity);
        };
    return answer.with("Location", path + "/" + id);
  }

  private Response update(String id, byte[] body, String ifMatch, String key) {
    ObjectNode entity = store.get(id);
    if (entity == null) {
      return notFound(id);
    }
    ObjectNode object;
    try {
      object = bodies.parseObject(body);
      bodies.check(object, id);
    } catch (BadRequest e) {
      return json.error(400, e.getMessage());
    }
    Response refused = precondition(ifMatch, entity);
    if (refused != null) {
      return refused;
    }
    String refusal = bodies.refusal(object);
    if (refusal != null) {
      return json.error(422, refusal);
    }
    ObjectNode updated = entity.deepCopy();
    for (Shape.Field f : shape.fields()) {
      if (object.has(f.name())) {
        updated.set(f.name(), bodies.stored(f, object.get(f.name())));
      }
    }
    store.updated(id, updated, AppliedWrite.Writer.CLIENT, key);
    return answer(personality.updateAnswer(), updated);
  }

  private Response delete(String id, String ifMatch, String key) {
    ObjectNode entity = store.get(id);
    if (entity == null) {
      return notFound(id);
    }
    Response refused = precondition(ifMatch, entity);
    if (refused != null) {
      return refused;
    }
    store.deleted(id, AppliedWrite.Writer.CLIENT, key);
    return answer(personality.deleteAnswer(), null);
  }

  /** The answer of {@code kind} to an applied update or delete of {@code entity}. */
  private Response answer(Answer kind, ObjectNode entity) {
    return switch (kind) {
      case ENTITY -> json.json(200, entity);
      case ID_AND_VERSION -> json.json(200, idAndVersion(entity));
      case VERSION -> json.json(200, json.object().set(shape.version(), version(entity)));
      case NO_CONTENT -> new Response(204, Map.of(), new byte[0]);
      case VERSION_OR_NO_CONTENT ->
          answer(answerRandom.nextBoolean() ? Answer.VERSION : Answer.NO_CONTENT, entity);
      case EMPTY_OBJECT -> json.json(200, json.object());
    };
  }

  private ObjectNode idAndVersion(ObjectNode entity) {
    ObjectNode answer = json.object();
    answer.set(Shape.ID, entity.get(Shape.ID));
    answer.set(shape.version(), version(entity));
    return answer;
  }

  private JsonNode version(ObjectNode entity) {
    return entity.get(shape.version());
  }

  /** The refusal {@code If-Match} means for {@code entity} under this personality, or null. */
  private Response precondition(String ifMatch, ObjectNode entity) {
    if (personality.ifMatch() == IfMatch.IGNORED) {
      return null;
    }
    if (ifMatch == null) {
      return personality.ifMatch() == IfMatch.REQUIRED
          ? json.error(
              428,
              "If-Match is required: send the "
                  + shape.version()
                  + " you last saw, as in If-Match: \""
                  + version(entity).asText()
                  + "\"")
          : null;
    }
    return matches(ifMatch, version(entity).asText()) ? null : json.json(412, entity);
  }

  /** Whether an {@code If-Match} header matches the version {@code current}. */
  private static boolean matches(String ifMatch, String current) {
    for (String tag : ifMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      if (t.equals(current)) {
        return true;
      }
    }
    return false;
  }

  private Response notFound(String id) {
    return json.error(404, "no " + shape.entity() + " " + id);
  }
}
