package io.github.synced.example.server;

import java.util.Objects;

/**
 * How a {@link RestServer} behaves: one of the server shapes a Synced client meets in the wild. The
 * four that the example ships differ only in what this record says; requests, faults, idempotency
 * and the log are the same code for all of them.
 *
 * <table>
 *   <caption>The personalities</caption>
 *   <tr><th></th><th>{@link #tasks()}</th><th>{@link #strictIfMatch()}</th>
 *       <th>{@link #versionOnly()}</th><th>{@link #jsonServer()}</th></tr>
 *   <tr><td>collection</td><td>{@code /tasks}</td><td>{@code /tasks}</td><td>{@code /tasks}</td>
 *       <td>{@code /notes}</td></tr>
 *   <tr><td>ids</td><td>{@code "t1"}, assigned</td><td>{@code "t1"}, assigned</td>
 *       <td>{@code "t1"}, assigned</td><td>{@code 1}, max + 1, or the client's</td></tr>
 *   <tr><td>version</td><td>{@code updatedAt}</td><td>{@code updatedAt}</td>
 *       <td>{@code updatedAt}</td><td>none</td></tr>
 *   <tr><td>{@code If-Match}</td><td>checked if sent (412)</td>
 *       <td>required (428), checked (412)</td><td>checked if sent (412)</td><td>ignored</td></tr>
 *   <tr><td>POST answer</td><td>201, entity</td><td>201, entity</td>
 *       <td>201, {@code {"id": "t5", "updatedAt": 8}}</td><td>201, entity</td></tr>
 *   <tr><td>PATCH answer</td><td>200, entity</td><td>200, entity</td>
 *       <td>200 {@code {"updatedAt": 8}} or 204, at random</td><td>200, entity</td></tr>
 *   <tr><td>DELETE answer</td><td>204</td><td>204</td><td>204</td><td>200 {@code {}}</td></tr>
 *   <tr><td>{@code Idempotency-Key}</td><td>one per method and path</td>
 *       <td>one per method, path and body (422 otherwise, as the IETF draft and Stripe)</td>
 *       <td>one per method and path</td><td>one per method and path</td></tr>
 *   <tr><td>list</td><td>an array</td><td>an array</td><td>an array</td>
 *       <td>an array; pages of it with {@code _page} and {@code _limit}, linked by a {@code
 *       Link} header</td></tr>
 * </table>
 *
 * <p>{@link #withListing} gives any of them another {@link Listing}: json-server's pages, numbered
 * pages in a wrapper object, or a cursor.
 *
 * <p>json-server itself (0.17.4) has no idempotency keys, keeps unknown properties and answers a
 * duplicate client id with 500; the json-server-like personality deduplicates by key (without that
 * no client can keep a retried {@code POST} from creating twice), refuses unknown properties with
 * 400 (so that a leaked local-only field shows at once) and answers a duplicate id with 409.
 *
 * @param name a short name for reports, for example {@code strict-if-match}
 * @param path the collection's path, for example {@code /tasks}
 * @param shape the entities' JSON shape
 * @param ifMatch what the server does with {@code If-Match}
 * @param keepsClientIds whether a create that sends an id gets that id (otherwise ignored)
 * @param createAnswer the answer to an applied {@code POST}
 * @param updateAnswer the answer to an applied {@code PATCH}
 * @param deleteAnswer the answer to an applied {@code DELETE}
 * @param keyPerBody whether an idempotency key is bound to the request body as well
 * @param listing how {@code GET {path}} lists the collection
 * @param pageSize the number of items on a page where the client does not say it
 */
public record Personality(
    String name,
    String path,
    Shape shape,
    IfMatch ifMatch,
    boolean keepsClientIds,
    Answer createAnswer,
    Answer updateAnswer,
    Answer deleteAnswer,
    boolean keyPerBody,
    Listing listing,
    int pageSize) {

  /** How {@code GET {path}} lists the collection, always in creation order. */
  public enum Listing {
    /** The whole collection as a JSON array; query parameters are ignored. */
    ARRAY,
    /**
     * As json-server: with {@code _page} (from 1) and {@code _limit} (default: the page size), that
     * page as an array, with {@code X-Total-Count} and a {@code Link} header (first, prev, next,
     * last; absolute URLs, the filters kept); without {@code _page}, the whole array. Any other
     * parameter filters by a field's value as text ({@code done=false}).
     */
    LINK_HEADER,
    /**
     * Numbered pages in a wrapper: {@code page} (from 0) and {@code size} (default: the page size)
     * give {@code {"items": [...], "page": 0, "total": 25}}.
     */
    PAGES,
    /**
     * A cursor: {@code after} (absent for the first page) and {@code limit} (default: the page
     * size) give {@code {"items": [...], "next": "17"}}, where {@code next} is the cursor of the
     * page after (the creation number of the last item; {@code null} on the last page). Keyset
     * paging: an item deleted meanwhile moves no other item across pages.
     */
    CURSOR
  }

  /** What a server does with {@code If-Match} on {@code PATCH} and {@code DELETE}. */
  public enum IfMatch {
    /** Checked when sent: a stale one is answered 412 with the current entity. */
    CHECKED,
    /** Required: a write without it is answered 428; a stale one 412 with the current entity. */
    REQUIRED,
    /** Not looked at, as by a server without versions. */
    IGNORED
  }

  /** The answer to an applied write. */
  public enum Answer {
    /** The whole entity ({@code 201} for a create, {@code 200} otherwise). */
    ENTITY,
    /** Only the id and the version: {@code 201 {"id": "t5", "updatedAt": 8}}. */
    ID_AND_VERSION,
    /** Only the version: {@code 200 {"updatedAt": 8}}. */
    VERSION,
    /** {@code 204} without a body. */
    NO_CONTENT,
    /** {@link #VERSION} or {@link #NO_CONTENT}, drawn at random for each write. */
    VERSION_OR_NO_CONTENT,
    /** {@code 200 {}}. */
    EMPTY_OBJECT
  }

  /** Checks the components. */
  public Personality {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw new IllegalArgumentException("the path is one segment, like /tasks, was " + path);
    }
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(ifMatch, "ifMatch");
    Objects.requireNonNull(createAnswer, "createAnswer");
    Objects.requireNonNull(updateAnswer, "updateAnswer");
    Objects.requireNonNull(deleteAnswer, "deleteAnswer");
    Objects.requireNonNull(listing, "listing");
    if (pageSize < 1) {
      throw new IllegalArgumentException("a page holds at least one item, was " + pageSize);
    }
    if (createAnswer != Answer.ENTITY && createAnswer != Answer.ID_AND_VERSION) {
      throw new IllegalArgumentException("a create is answered with the entity or id and version");
    }
    if (deleteAnswer != Answer.NO_CONTENT && deleteAnswer != Answer.EMPTY_OBJECT) {
      throw new IllegalArgumentException("a delete is answered with 204 or {}");
    }
    if (!shape.versioned()
        && (ifMatch != IfMatch.IGNORED
            || answersVersion(createAnswer)
            || answersVersion(updateAnswer))) {
      throw new IllegalArgumentException(
          "a server without versions ignores If-Match and cannot answer with a version");
    }
  }

  /**
   * The {@link TaskServer}'s: whole entities, {@code If-Match} checked when sent, lists as
   * json-server gives them (field filters, pages with {@code _page}).
   */
  public static Personality tasks() {
    return new Personality(
        "tasks",
        TaskServer.PATH,
        Shape.TASK,
        IfMatch.CHECKED,
        false,
        Answer.ENTITY,
        Answer.ENTITY,
        Answer.NO_CONTENT,
        false,
        Listing.LINK_HEADER,
        20);
  }

  /**
   * A strict server: a {@code PATCH} or {@code DELETE} without {@code If-Match} is answered 428, a
   * stale one 412 with the current entity; an idempotency key reused with another body is 422.
   */
  public static Personality strictIfMatch() {
    return new Personality(
        "strict-if-match",
        TaskServer.PATH,
        Shape.TASK,
        IfMatch.REQUIRED,
        false,
        Answer.ENTITY,
        Answer.ENTITY,
        Answer.NO_CONTENT,
        true,
        Listing.ARRAY,
        20);
  }

  /**
   * A terse server: a create is answered with the new id and version only, an update with only the
   * version or with an empty 204.
   */
  public static Personality versionOnly() {
    return new Personality(
        "version-only",
        TaskServer.PATH,
        Shape.TASK,
        IfMatch.CHECKED,
        false,
        Answer.ID_AND_VERSION,
        Answer.VERSION_OR_NO_CONTENT,
        Answer.NO_CONTENT,
        false,
        Listing.ARRAY,
        20);
  }

  /**
   * A json-server-like server of notes: numeric ids (one more than the largest, or the client's
   * when it sends one), no versions, {@code If-Match} ignored, {@code PATCH} answered with the
   * whole entity, {@code DELETE} with {@code 200 {}}.
   */
  public static Personality jsonServer() {
    return new Personality(
        "json-server",
        "/notes",
        Shape.NOTE,
        IfMatch.IGNORED,
        true,
        Answer.ENTITY,
        Answer.ENTITY,
        Answer.EMPTY_OBJECT,
        false,
        Listing.LINK_HEADER,
        10);
  }

  /** This personality under another name, answering applied updates with {@code answer}. */
  public Personality withUpdateAnswer(String name, Answer answer) {
    return new Personality(
        name,
        path,
        shape,
        ifMatch,
        keepsClientIds,
        createAnswer,
        answer,
        deleteAnswer,
        keyPerBody,
        listing,
        pageSize);
  }

  /** This personality under another name, listing the collection as {@code how}. */
  public Personality withListing(String name, Listing how, int size) {
    return new Personality(
        name,
        path,
        shape,
        ifMatch,
        keepsClientIds,
        createAnswer,
        updateAnswer,
        deleteAnswer,
        keyPerBody,
        how,
        size);
  }

  private static boolean answersVersion(Answer a) {
    return a == Answer.ID_AND_VERSION || a == Answer.VERSION || a == Answer.VERSION_OR_NO_CONTENT;
  }

  @Override
  public String toString() {
    return name;
  }
}
