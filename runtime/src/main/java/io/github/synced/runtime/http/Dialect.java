package io.github.synced.runtime.http;

import static io.github.synced.runtime.http.DialectArguments.pointer;
import static io.github.synced.runtime.http.DialectArguments.requireName;

import java.util.Objects;

/**
 * Where a REST server puts things: the list, its pages, ids and versions, and what its error bodies
 * are. An {@link HttpRemote} speaks one dialect ({@link HttpRemote.Builder#dialect}); two presets
 * cover the common servers, and every piece can be changed on a {@link #toBuilder() builder}.
 *
 * <table>
 *   <caption>The presets</caption>
 *   <tr><th>piece</th><th>{@link #plainJson()}</th><th>{@link #springDataRest(String)
 *       springDataRest("tasks")}</th></tr>
 *   <tr><td>{@link Builder#items items}</td><td>the body is the array ({@code ""})</td>
 *       <td>{@code /_embedded/tasks}</td></tr>
 *   <tr><td>{@link Builder#paging paging}</td><td>{@link Paging#none()}</td>
 *       <td>{@link Paging#nextLink nextLink("/_links/next/href")}</td></tr>
 *   <tr><td>{@link Builder#total total}</td><td>none</td><td>{@code /page/totalElements}</td></tr>
 *   <tr><td>{@link Builder#idFrom id}</td><td>{@link IdSource#body()}</td>
 *       <td>{@link IdSource#link link("/_links/self/href")}</td></tr>
 *   <tr><td>a create's id where the body has none</td>
 *       <td colspan="2">the {@code Location} header's last segment</td></tr>
 *   <tr><td>{@link Builder#versionFrom version}</td><td>{@link VersionSource#BODY}</td>
 *       <td>{@link VersionSource#ETAG}</td></tr>
 *   <tr><td>{@link Builder#ifMatch If-Match}</td><td colspan="2">{@link IfMatch#QUOTED}: {@code
 *       If-Match: "7"}</td></tr>
 *   <tr><td>{@link Builder#conflictBody 409/412 body}</td>
 *       <td>{@link ConflictBody#ENTITY_IF_IDENTIFIED}</td><td>{@link ConflictBody#MESSAGE}</td></tr>
 *   <tr><td>{@link Builder#deduplicatesByKey Idempotency-Key}</td><td>honoured</td>
 *       <td>ignored: the store never resends a write of unknown outcome, it reads the server's
 *       state</td></tr>
 * </table>
 *
 * <p>For example, json-server's pages ({@code GET /notes?_page=1&_limit=50}, a {@code Link} header
 * to the next): {@code Dialect.plainJson().toBuilder().listQuery("_page=1&_limit=50")
 * .paging(Paging.linkHeader()).build()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Dialect {

  /** Where a list's next page is. */
  public sealed interface Paging
      permits Pages.None, Pages.NextLink, Pages.LinkHeader, Pages.Numbers, Pages.Cursor {

    /** One request reads the whole list. */
    static Paging none() {
      return Pages.None.INSTANCE;
    }

    /**
     * The next page's URL is in the body at {@code pointer} (HAL: {@code /_links/next/href}); the
     * list ends on a page without it. Relative URLs are resolved against the page's URL; one on
     * another scheme, host or port is refused.
     */
    static Paging nextLink(String pointer) {
      return new Pages.NextLink(pointer(pointer, "nextLink"));
    }

    /**
     * The next page's URL is the {@code Link} header's {@code rel="next"} (RFC 8288; GitHub,
     * json-server); the list ends on a page without one.
     */
    static Paging linkHeader() {
      return Pages.LinkHeader.INSTANCE;
    }

    /**
     * Numbered pages: {@code pageParam=first, first+1, ...} with {@code sizeParam=size}; the list
     * ends on a page with fewer than {@code size} items.
     */
    static Paging pageNumbers(String pageParam, String sizeParam, int size, int first) {
      if (size < 1) {
        throw new IllegalArgumentException("a page holds at least one item, was " + size);
      }
      return new Pages.Numbers(
          requireName(pageParam, "pageParam"), requireName(sizeParam, "sizeParam"), size, first);
    }

    /**
     * A cursor: the first page is requested without {@code param}, each next one with {@code
     * param=<the cursor>} found in the body at {@code pointer}; the list ends where it is absent,
     * {@code null} or empty.
     */
    static Paging cursor(String param, String pointer) {
      return new Pages.Cursor(requireName(param, "param"), pointer(pointer, "cursor"));
    }
  }

  /** Where an entity's id is read from. */
  public static final class IdSource {
    private final Pointer link;

    private IdSource(Pointer link) {
      this.link = link;
    }

    /** The body's id property, as the codec reads it. */
    public static IdSource body() {
      return new IdSource(null);
    }

    /**
     * The last path segment of the URL at {@code pointer} in each entity's object (HAL: {@code
     * /_links/self/href}), percent-decoded and parsed as the id type (a JSON number for numeric
     * ids, a string otherwise, read by the codec; or {@link HttpRemote.Builder#idFromSegment});
     * where the object has no such link, its id property.
     */
    public static IdSource link(String pointer) {
      return new IdSource(pointer(pointer, "link"));
    }

    /** The link's pointer, or {@code null} for {@link #body()}. */
    Pointer linkPointer() {
      return link;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdSource other && Objects.equals(link, other.link);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(link);
    }

    @Override
    public String toString() {
      return link == null ? "IdSource.body()" : "IdSource.link(\"" + link + "\")";
    }
  }

  /** Where the version of a single entity's answer comes from. */
  public enum VersionSource {
    /** The body's version property. */
    BODY,
    /**
     * The {@code ETag} header of a 2xx answer about one entity ({@code GET}, {@code POST}, {@code
     * PATCH}, a {@code 204} too), weak or strong, quoted or not, put into the entity as its version
     * (a JSON number where the tag is one, a string otherwise) in place of any version in the body.
     * Never from a 409 or 412, whose {@code ETag} may repeat the {@code If-Match} sent. List items
     * have no header of their own: they keep the version in their object, or are read without one.
     */
    ETAG
  }

  /** How a write's base version is sent. */
  public enum IfMatch {
    /** {@code If-Match: "7"}, a strong tag (Spring Data REST refuses the others with 412). */
    QUOTED,
    /** {@code If-Match: W/"7"}, a weak tag. */
    WEAK,
    /** {@code If-Match: 7}, the bare value, as some hand-written servers compare it. */
    BARE,
    /** No {@code If-Match}: the server has no preconditions. */
    NONE
  }

  /** What the body of a 409 or 412 is. */
  public enum ConflictBody {
    /**
     * The server's current entity where it is a JSON object that names the id (by the {@link
     * IdSource}), read strictly (a mistyped one is bad server data) and taken only with a version
     * in the body; any other body is an error message, and the store fetches the entity.
     */
    ENTITY_IF_IDENTIFIED,
    /** Always an error message (Spring Data REST's {@code {"message": ...}}, or empty). */
    MESSAGE
  }

  /** The most pages one list read follows, unless {@link Builder#maxPages} says otherwise. */
  public static final int DEFAULT_MAX_PAGES = 1000;

  private final DialectParts parts;

  private Dialect(Builder b) {
    this.parts = new DialectParts(b.parts);
  }

  /**
   * Plain JSON, as json-server and most hand-written APIs speak it: {@code GET {path}} answers a
   * JSON array of whole entities, id and version are properties of the body, {@code If-Match: "7"},
   * a 409 or 412 body that names the id is the current entity, {@code Idempotency-Key} honoured.
   */
  public static Dialect plainJson() {
    return new Builder().build();
  }

  /**
   * Spring Data REST (HAL), with nothing configured on the server: the list at {@code
   * /_embedded/{rel}} ({@code rel} is the repository's collection rel, by default the entity's
   * uncapitalized plural), pages followed by {@code /_links/next/href} and checked against {@code
   * /page/totalElements}, ids from {@code /_links/self/href} (and {@code Location}), versions from
   * {@code ETag} (the {@code @Version} property is never in the body, so list items are read
   * without their version), {@code If-Match: "7"}, 409 and 412 bodies are messages, and {@code
   * Idempotency-Key} is ignored.
   */
  public static Dialect springDataRest(String rel) {
    String r = requireName(rel, "rel");
    return new Builder()
        .items("/_embedded/" + r.replace("~", "~0").replace("/", "~1"))
        .paging(Paging.nextLink("/_links/next/href"))
        .total("/page/totalElements")
        .idFrom(IdSource.link("/_links/self/href"))
        .versionFrom(VersionSource.ETAG)
        .conflictBody(ConflictBody.MESSAGE)
        .deduplicatesByKey(false)
        .build();
  }

  /** A builder that starts from this dialect. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  Pointer items() {
    return parts.items;
  }

  Paging paging() {
    return parts.paging;
  }

  int maxPages() {
    return parts.maxPages;
  }

  Pointer total() {
    return parts.total;
  }

  String listQuery() {
    return parts.listQuery;
  }

  IdSource idFrom() {
    return parts.idFrom;
  }

  boolean createdIdFromLocation() {
    return parts.createdIdFromLocation;
  }

  VersionSource versionFrom() {
    return parts.versionFrom;
  }

  IfMatch ifMatch() {
    return parts.ifMatch;
  }

  ConflictBody conflictBody() {
    return parts.conflictBody;
  }

  boolean deduplicatesByKey() {
    return parts.deduplicatesByKey;
  }

  @Override
  public String toString() {
    return parts.toString();
  }

  /** Configures a {@link Dialect}; starts as {@link #plainJson()}. */
  public static final class Builder {
    private final DialectParts parts;

    /** A builder of {@link #plainJson()}. */
    public Builder() {
      this.parts = new DialectParts();
    }

    private Builder(Dialect d) {
      this.parts = new DialectParts(d.parts);
    }

    /**
     * Where a list answer's array is, as a JSON pointer: {@code ""} (the body is the array), or
     * {@code "/_embedded/tasks"}, {@code "/data"}. A page without an array there is bad server
     * data: nothing is taken, so nothing is taken for deleted.
     */
    public Builder items(String pointer) {
      parts.items = pointer(pointer, "items");
      return this;
    }

    /** How a list's pages follow each other; see {@link Paging}. */
    public Builder paging(Paging paging) {
      parts.paging = Objects.requireNonNull(paging, "paging");
      return this;
    }

    /**
     * The most pages one list read follows; a list that goes on (or a next link that leads back to
     * a page already read) fails the read with bad server data and nothing is taken. Default:
     * {@link #DEFAULT_MAX_PAGES}.
     */
    public Builder maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
      }
      parts.maxPages = maxPages;
      return this;
    }

    /**
     * Where each page says how many items the whole list has (a JSON pointer to a number), or
     * {@code null} for nowhere. Where it is given, a read whose pages disagree on the total, or
     * whose distinct items are not that many (the collection changed between pages, so an item may
     * have moved past the pages read), is read again from the start, up to three times, then fails
     * as transient: the store takes a consistent list or nothing.
     */
    public Builder total(String pointer) {
      parts.total = pointer == null ? null : pointer(pointer, "total");
      return this;
    }

    /**
     * Query parameters for the first list request, such as {@code "size=200"} or {@code
     * "_page=1&_limit=50"} (already encoded, without {@code ?}). Default: none.
     */
    public Builder listQuery(String query) {
      Objects.requireNonNull(query, "query");
      parts.listQuery = query.startsWith("?") ? query.substring(1) : query;
      return this;
    }

    /** Where ids are read from; see {@link IdSource}. */
    public Builder idFrom(IdSource source) {
      parts.idFrom = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Whether a create answered without an id in its body takes it from the {@code Location}
     * header's last segment (a {@code 201} with no body, say). Default: true.
     */
    public Builder createdIdFromLocation(boolean fromLocation) {
      parts.createdIdFromLocation = fromLocation;
      return this;
    }

    /** Where a single entity's version comes from; see {@link VersionSource}. */
    public Builder versionFrom(VersionSource source) {
      parts.versionFrom = Objects.requireNonNull(source, "source");
      return this;
    }

    /** How a write's base version is sent; see {@link IfMatch}. */
    public Builder ifMatch(IfMatch form) {
      parts.ifMatch = Objects.requireNonNull(form, "form");
      return this;
    }

    /** What a 409 or 412 body is; see {@link ConflictBody}. */
    public Builder conflictBody(ConflictBody body) {
      parts.conflictBody = Objects.requireNonNull(body, "body");
      return this;
    }

    /**
     * Whether the server applies a write at most once per {@code Idempotency-Key}; see {@link
     * io.github.synced.runtime.Remote#deduplicatesByKey()}. Default: true.
     */
    public Builder deduplicatesByKey(boolean deduplicates) {
      parts.deduplicatesByKey = deduplicates;
      return this;
    }

    /** The dialect. */
    public Dialect build() {
      return new Dialect(this);
    }
  }
}
