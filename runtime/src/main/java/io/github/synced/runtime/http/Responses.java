package io.github.synced.runtime.http;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an {@link HttpRemote}'s answers: a status into the failure it means (see the failures table
 * in {@link HttpRemote}'s class comment), a 2xx body into the entity, the {@link Reply} to a write,
 * and a conflict's body into the server's entity where the dialect takes it for one.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Responses<K, E> {

  private final EntityType<?, E> type;
  private final Dialect dialect;
  private final Bodies<K, E> bodies;
  private final long maxResponseBytes;
  private final Clock clock;

  Responses(
      EntityType<?, E> type,
      Dialect dialect,
      Bodies<K, E> bodies,
      long maxResponseBytes,
      Clock clock) {
    this.type = type;
    this.dialect = dialect;
    this.bodies = bodies;
    this.maxResponseBytes = maxResponseBytes;
    this.clock = clock;
  }

  /** The entity a fetch of {@code id} answered; empty where it is not on the server. */
  Optional<E> fetched(Answer answer, Object id, Call call) {
    if (answer.status() == 404 || answer.status() == 410) {
      return Optional.empty();
    }
    requireSuccess(answer, call);
    if (Failures.isBlank(answer.body())) {
      throw new BadServerDataException(
          type.name(), id, null, "GET answered " + answer.status() + " with no body");
    }
    Object o = bodies.object(answer.body(), id);
    bodies.identify(o, answer.headers(), false, id);
    bodies.versionFromTag(o, answer.headers());
    return Optional.of(readSameId(o, id, answer));
  }

  /** The reply to {@code write}, which was sent as {@code sent}. */
  Reply<E> written(Answer answer, Write<K, E> write, Call sent) {
    requireSuccess(answer, sent);
    if (write.kind() == Write.Kind.DELETE) {
      return Reply.empty(); // the store needs nothing back from a delete
    }
    return writeReply(answer, write);
  }

  /** Returns if the answer is a 2xx that was read whole; throws the failure it means otherwise. */
  void requireSuccess(Answer answer, Call call) {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      if (answer.cut()) {
        throw tooLarge(answer, call);
      }
      return;
    }
    String message =
        type.name()
            + (call.id() == null ? "" : " '" + call.id() + "'")
            + ": "
            + call
            + " answered "
            + status
            + (call.ifMatch() != null && (status == 412 || status == 409 || status == 428)
                ? " to If-Match: " + call.ifMatch()
                : "")
            + (answer.cut()
                ? Failures.bodyText(answer.body())
                : Failures.bodyText(message(answer.body())))
            + (answer.cut() ? " (body cut off at the size limit)" : "");
    if (status == 409 || status == 412) {
      E theirs = answer.cut() ? null : conflictState(answer.body(), call);
      throw SyncFailure.conflict(
          status,
          theirs != null || Failures.isBlank(answer.body())
              ? message
              : message + " (not the entity: the store reads the entity from the server)",
          theirs);
    }
    if (status == 429 || status >= 500) {
      throw SyncFailure.transientFailure(
          status, message, Failures.retryAfter(answer.headers(), clock), null);
    }
    if (status == 408) {
      throw call.write()
          ? SyncFailure.outcomeUnknown(message, null)
          : SyncFailure.transientFailure(status, message, null, null);
    }
    if (status == 404 || status == 410) {
      throw SyncFailure.notFound(status, message);
    }
    throw SyncFailure.rejected(status, message);
  }

  /** The failure of a 2xx answer whose body is over the limit; see "Size" in {@link HttpRemote}. */
  private SyncFailure tooLarge(Answer answer, Call call) {
    String problem =
        call
            + " answered "
            + answer.status()
            + " with a body over the limit of "
            + maxResponseBytes
            + " bytes (HttpRemote.Builder.maxResponseBytes); it was not read beyond the limit";
    if (call.write()) {
      return SyncFailure.outcomeUnknown(
          type.name()
              + (call.id() == null ? "" : " '" + call.id() + "'")
              + ": "
              + problem
              + ". The server says it applied the write, so its outcome is left to the server's"
              + " state",
          null);
    }
    return new BadServerDataException(type.name(), call.id(), null, problem);
  }

  /**
   * The server's entity in a conflict answer, where the dialect takes its body for one and it is a
   * JSON object that names the id and carries a version in its body (a 409's or 412's {@code ETag}
   * may repeat the {@code If-Match} sent, so it is never read); {@code null} where the body is an
   * error message.
   */
  private E conflictState(byte[] body, Call call) {
    if (dialect.conflictBody() == Dialect.ConflictBody.MESSAGE
        || !new String(body, StandardCharsets.UTF_8).strip().startsWith("{")) {
      return null;
    }
    Object o = bodies.object(body, call.id());
    if (!bodies.identified(o)) {
      return null;
    }
    bodies.identify(o, null, false, call.id());
    if (type.hasVersion() && !bodies.hasVersion(o)) {
      return null;
    }
    return call.method().equals("POST") ? bodies.entity(o, null) : readSameId(o, call.id(), null);
  }

  /**
   * A create's or update's answer: the whole entity when the answer names every synced field (its
   * body, and the id and version the dialect reads from links and headers), otherwise the fields it
   * names, which must include the id for a create whose id the server assigns; nothing for an empty
   * answer that the dialect gets nothing from. The store takes written fields the answer leaves out
   * as written, and fetches a version the answer does not give.
   */
  private Reply<E> writeReply(Answer answer, Write<K, E> write) {
    Object id = write.id();
    boolean create = write.kind() == Write.Kind.CREATE;
    Object o = bodies.object(answer.body(), id);
    bodies.identify(o, answer.headers(), create, id);
    bodies.versionFromTag(o, answer.headers());
    if (bodies.isEmpty(o)) {
      return Reply.empty();
    }
    bodies.takeNestedAsWritten(o, write.patch(), id);
    Patch<E> fields = bodies.patch(o, id);
    if (fields.fields().containsAll(type.fields())) {
      return Reply.entity(create ? bodies.entity(o, id) : readSameId(o, id, answer));
    }
    String idName = type.idField().fieldName();
    if (fields.fields().contains(type.idField())) {
      Object actual = fields.get(type.idField());
      if (id != null && !Objects.equals(actual, id)) {
        throw new BadServerDataException(
            type.name(), id, idName, "the server answered with the entity of id '" + actual + "'");
      }
    } else if (create && id == null && !fields.isEmpty()) {
      throw new BadServerDataException(
          type.name(),
          null,
          idName,
          "the answer to a create names some fields but not the id the server assigned"
              + (dialect.idFrom().linkPointer() == null
                  ? ""
                  : " (no link at \"" + dialect.idFrom().linkPointer() + "\")")
              + (dialect.createdIdFromLocation() ? " and has no Location header" : ""));
    }
    return fields.isEmpty() ? Reply.empty() : Reply.partial(fields);
  }

  /**
   * The entity of {@code o}, which must be {@code id}'s and have a version where the entity has
   * one; {@code answer} (null for a conflict's body) says where the version was looked for.
   */
  private E readSameId(Object o, Object id, Answer answer) {
    if (answer != null && type.hasVersion() && !bodies.hasVersion(o)) {
      String name = type.versionField().fieldName();
      throw new BadServerDataException(
          type.name(),
          id,
          name,
          dialect.versionFrom() == Dialect.VersionSource.ETAG
              ? "the version is missing: the answer has no ETag header (where the dialect reads"
                  + " versions from) and no '"
                  + name
                  + "' in its body"
              : "the version is missing: no '"
                  + name
                  + "' in the answer's body"
                  + (answer.headers().firstValue("ETag").isPresent()
                      ? "; it has an ETag header: read versions from it with"
                          + " Dialect.Builder.versionFrom(VersionSource.ETAG)"
                      : ""));
    }
    E entity = bodies.entity(o, id);
    Object actual = type.id(entity);
    if (!Objects.equals(actual, id)) {
      throw new BadServerDataException(
          type.name(),
          id,
          type.idField().fieldName(),
          "the server answered with the entity of id '" + actual + "'");
    }
    return entity;
  }

  /**
   * The text of an error body: its message where it is a JSON error object; see {@link
   * Bodies#message}.
   */
  private String message(byte[] body) {
    return bodies.message(body);
  }
}
