package io.github.synced.runtime.http;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.spi.EntityType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of a whole collection, page after page as the {@link Dialect} says, before anything is
 * handed to the store: the store decides what was deleted from the whole list, so a read that
 * cannot give the whole list fails instead. Pages are requested one after another, each with the
 * remote's deadline; the number of pages is bounded and a next link that leads back to a page
 * already read fails the read. Where pages say the list's total, a read that does not add up (the
 * collection changed between pages) starts again, and after {@link #READS} reads fails as
 * transient.
 */
final class ListRead<K, E> {

  /** How many times a list whose pages do not add up is read before the read fails. */
  static final int READS = 3;

  private static final Pattern LINK =
      Pattern.compile(
          "<([^>]*)>((?:\\s*;\\s*[^;,\"=\\s]+\\s*(?:=\\s*(?:\"[^\"]*\"|[^;,\\s]*))?)*)");
  private static final Pattern REL =
      Pattern.compile("(?i);\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))");

  private final Dialect dialect;
  private final Bodies<K, E> bodies;
  private final EntityType<?, E> type;
  private final URI collection;
  private final String listQuery;
  private final Function<URI, CompletableFuture<Answer>> get;

  /**
   * @param collection the collection's URI, without query
   * @param listQuery the query every page's URI starts with (encoded, without {@code ?}): the
   *     dialect's {@link Dialect.Builder#listQuery}, and a query's parameters
   * @param get requests one page: completes with a 2xx answer read whole, or fails as the remote
   *     classifies the failure
   */
  ListRead(
      Dialect dialect,
      Bodies<K, E> bodies,
      EntityType<?, E> type,
      URI collection,
      String listQuery,
      Function<URI, CompletableFuture<Answer>> get) {
    this.dialect = dialect;
    this.bodies = bodies;
    this.type = type;
    this.collection = collection;
    this.listQuery = listQuery;
    this.get = get;
  }

  /** Reads the whole list. */
  CompletableFuture<List<Reply<E>>> read() {
    CompletableFuture<List<Reply<E>>> done = new CompletableFuture<>();
    start(1, done);
    return done;
  }

  /** What one read has gathered so far. */
  private static final class Gathered<E> {
    final Map<Object, Reply<E>> items = new LinkedHashMap<>();
    final Set<String> seen = new HashSet<>();
    Long firstTotal;
    Long lastTotal;
  }

  private void start(int read, CompletableFuture<List<Reply<E>>> done) {
    Gathered<E> g = new Gathered<>();
    URI first = first();
    g.seen.add(first.toString());
    page(first, 1, read, g, done);
  }

  private void page(
      URI uri, int page, int read, Gathered<E> g, CompletableFuture<List<Reply<E>>> done) {
    CompletableFuture<Answer> answer;
    try {
      answer = get.apply(uri);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    var unused =
        answer.whenComplete(
            (a, failure) -> {
              if (failure != null) {
                done.completeExceptionally(Failures.unwrap(failure));
                return;
              }
              try {
                URI next = take(uri, page, a, g);
                if (next != null) {
                  if (page >= dialect.maxPages()) {
                    throw bad(
                        "the list did not end after "
                            + page
                            + " pages (Dialect maxPages is "
                            + dialect.maxPages()
                            + "); the last one, GET "
                            + uri
                            + ", leads on to "
                            + next
                            + ". Nothing was taken");
                  }
                  if (!g.seen.add(next.toString())) {
                    throw bad(
                        "page "
                            + page
                            + " (GET "
                            + uri
                            + ") leads back to "
                            + next
                            + ", which this read has already read: the pages loop. Nothing was"
                            + " taken");
                  }
                  page(next, page + 1, read, g, done);
                } else {
                  finish(read, g, done);
                }
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            });
  }

  private void finish(int read, Gathered<E> g, CompletableFuture<List<Reply<E>>> done) {
    boolean changed =
        g.firstTotal != null
            && g.lastTotal != null
            && (!g.firstTotal.equals(g.lastTotal) || g.items.size() != g.lastTotal);
    if (!changed) {
      done.complete(List.copyOf(g.items.values()));
      return;
    }
    if (read < READS) {
      start(read + 1, done);
      return;
    }
    done.completeExceptionally(
        SyncFailure.transientFailure(
            0,
            "GET "
                + first()
                + ": the collection changed while its pages were read, "
                + READS
                + " times (the pages said "
                + g.firstTotal
                + " then "
                + g.lastTotal
                + " items in all; "
                + g.items.size()
                + " distinct items were read); nothing was taken",
            null,
            null));
  }

  /** Takes one page's items; returns the next page's URI, or {@code null} after the last. */
  private URI take(URI uri, int page, Answer a, Gathered<E> g) {
    Object tree = bodies.tree(a.body(), null);
    List<Reply<E>> items = items(uri, page, tree);
    for (Reply<E> reply : items) {
      E entity = reply.entity().orElseThrow();
      Object id = type.id(entity);
      Reply<E> earlier = g.items.get(id);
      if (earlier != null
          && earlier.versionKnown()
          && reply.versionKnown()
          && type.compareVersions(earlier.entity().orElseThrow(), entity) > 0) {
        continue; // an older copy after a newer one: the newer stays
      }
      g.items.remove(id); // listed again on a later page: the later copy, in its later place
      g.items.put(id, reply);
    }
    Long total = total(tree);
    if (page == 1) {
      g.firstTotal = total;
    }
    g.lastTotal = total;
    return next(uri, page, items.size(), tree, a.headers());
  }

  /** The items of one page's body {@code tree}, in order; bad server data if there are none. */
  List<Reply<E>> items(URI uri, int page, Object tree) {
    Trees<Object> trees = bodies.trees();
    Object array = trees.at(tree, dialect.items());
    if (array == null || !trees.isArray(array)) {
      throw bad(
          "expected a JSON array"
              + (dialect.items().isBody() ? " as the body" : " at \"" + dialect.items() + "\"")
              + ", found "
              + bodies.kind(array)
              + " (page "
              + page
              + ", GET "
              + uri
              + "; Dialect items says where the list is). Nothing was taken");
    }
    List<Reply<E>> items = new ArrayList<>();
    int index = 0;
    for (Object item : trees.elements(array)) {
      items.add(bodies.item(item, index++));
    }
    return items;
  }

  private Long total(Object tree) {
    if (dialect.total() == null) {
      return null;
    }
    Object t = bodies.trees().at(tree, dialect.total());
    return t == null ? null : bodies.trees().exactLong(t);
  }

  /**
   * The next page's URI after page {@code page} (1 for the first) at {@code uri}, which listed
   * {@code items} items, or {@code null} after the last.
   */
  URI next(URI uri, int page, int items, Object tree, HttpHeaders headers) {
    Dialect.Paging paging = dialect.paging();
    if (paging instanceof Pages.NextLink p) {
      String href = bodies.textAt(tree, p.pointer());
      return href != null && !href.isBlank()
          ? follow(uri, href, "the next link at \"" + p.pointer() + "\"")
          : null;
    }
    if (paging instanceof Pages.LinkHeader) {
      String href = linkHeaderNext(headers.allValues("Link"));
      return href == null ? null : follow(uri, href, "the Link header's rel=\"next\"");
    }
    if (paging instanceof Pages.Numbers p) {
      return items < p.size() ? null : numbered(p, p.first() + page);
    }
    if (paging instanceof Pages.Cursor p) {
      Object cursor = bodies.trees().at(tree, p.pointer());
      if (cursor == null || bodies.trees().isNull(cursor)) {
        return null;
      }
      String c = bodies.trees().text(cursor);
      return c.isEmpty() ? null : withQuery(query(p.param() + "=" + encode(c)));
    }
    return null;
  }

  /** The first page's URI. */
  URI first() {
    if (dialect.paging() instanceof Pages.Numbers p) {
      return numbered(p, p.first());
    }
    return withQuery(listQuery);
  }

  private URI numbered(Pages.Numbers p, int number) {
    return withQuery(query(p.pageParam() + "=" + number, p.sizeParam() + "=" + p.size()));
  }

  /** The list query followed by {@code more}, joined with {@code &}. */
  private String query(String... more) {
    List<String> parts = new ArrayList<>();
    if (!listQuery.isEmpty()) {
      parts.add(listQuery);
    }
    parts.addAll(List.of(more));
    return String.join("&", parts);
  }

  private URI withQuery(String query) {
    return URI.create(collection + (query.isEmpty() ? "" : "?" + query));
  }

  /** {@code href} resolved against {@code page}; refused unless on the collection's origin. */
  URI follow(URI page, String href, String where) {
    URI next;
    try {
      next = page.resolve(href.strip());
    } catch (IllegalArgumentException e) {
      throw bad(where + " of GET " + page + " is not a URL: " + href);
    }
    if (!Objects.equals(lower(next.getScheme()), lower(collection.getScheme()))
        || !Objects.equals(lower(next.getHost()), lower(collection.getHost()))
        || port(next) != port(collection)) {
      throw bad(
          where
              + " of GET "
              + page
              + " is "
              + next
              + ", on another origin than "
              + collection
              + "; it was not followed and nothing was taken (behind a proxy, have the server"
              + " build links from the forwarded host, e.g. Spring's"
              + " server.forward-headers-strategy)");
    }
    return next;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** The target of the {@code rel="next"} link among {@code Link} header values, or null. */
  static String linkHeaderNext(List<String> values) {
    for (String value : values) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        while (rel.find()) {
          String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
          for (String r : rels.strip().split("\\s+")) {
            if (r.equalsIgnoreCase("next")) {
              return link.group(1);
            }
          }
        }
      }
    }
    return null;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private BadServerDataException bad(String problem) {
    return new BadServerDataException(type.name(), null, null, problem);
  }
}
