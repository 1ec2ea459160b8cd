package io.github.synced.runtime.http;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Page;
import io.github.synced.runtime.PageReader;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.spi.EntityType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The {@link PageReader} of {@link HttpRemote#pages}: one {@code GET} per page, on the collection's
 * path with the query's parameters encoded after the dialect's list query, the items where the
 * {@link Dialect} says; the next page's token is the next page's URL, followed only on the
 * collection's origin. A page whose next link the dialect refuses (another origin) is still read;
 * its token carries the refusal, and reading it fails with it.
 */
final class QueryPages<P, K, E> implements PageReader<P, E> {

  /** Starts the token of a next page the dialect refuses to follow; the reason follows it. */
  private static final String REFUSED = "refused: ";

  private final Dialect dialect;
  private final Bodies<K, E> bodies;
  private final EntityType<?, E> type;
  private final URI collection;
  private final Function<? super P, ? extends Map<String, ?>> parameters;
  private final Function<URI, CompletableFuture<Answer>> get;

  QueryPages(
      Dialect dialect,
      Bodies<K, E> bodies,
      EntityType<?, E> type,
      URI collection,
      Function<? super P, ? extends Map<String, ?>> parameters,
      Function<URI, CompletableFuture<Answer>> get) {
    this.dialect = dialect;
    this.bodies = bodies;
    this.type = type;
    this.collection = collection;
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.get = get;
  }

  @Override
  public CompletionStage<Page<E>> read(P params, String token) {
    try {
      ListRead<K, E> list = new ListRead<>(dialect, bodies, type, collection, query(params), get);
      if (token != null && token.startsWith(REFUSED)) {
        throw new BadServerDataException(
            type.name(), null, null, token.substring(REFUSED.length()));
      }
      URI first = list.first();
      URI uri = token == null ? first : list.follow(first, token, "the page token");
      int page = token == null ? 1 : pageOf(uri);
      return get.apply(uri)
          .thenApply(
              a -> {
                Object tree = bodies.tree(a.body(), null);
                List<Reply<E>> items = list.items(uri, page, tree);
                String next;
                try {
                  URI n = list.next(uri, page, items.size(), tree, a.headers());
                  next = n == null ? null : n.toString();
                } catch (BadServerDataException refused) {
                  // This page is good; the next one cannot be read. Its token says why, and
                  // reading it fails with that, so the list keeps what it has.
                  next = REFUSED + refused.getMessage();
                }
                return Page.ofReplies(items, next);
              });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The dialect's list query and the parameters, names in order, each value encoded. */
  private String query(P params) {
    Map<String, ?> given = parameters.apply(params);
    List<String> parts = new ArrayList<>();
    if (!dialect.listQuery().isEmpty()) {
      parts.add(dialect.listQuery());
    }
    if (given != null) {
      for (Map.Entry<String, ?> e : new TreeMap<String, Object>(given).entrySet()) {
        Object value = e.getValue();
        Collection<?> values =
            value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        for (Object v : values) {
          if (v instanceof Optional<?> o) {
            v = o.orElse(null);
          }
          if (v != null) {
            parts.add(encode(e.getKey()) + "=" + encode(text(e.getKey(), v)));
          }
        }
      }
    }
    return String.join("&", parts);
  }

  /** Which page of the list {@code uri} is (1 for the first), where the dialect numbers pages. */
  private int pageOf(URI uri) {
    if (!(dialect.paging() instanceof Pages.Numbers p)) {
      return 2; // only numbered paging needs to know
    }
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (String part : query.split("&")) {
      if (part.startsWith(p.pageParam() + "=")) {
        try {
          return Integer.parseInt(part.substring(p.pageParam().length() + 1)) - p.first() + 1;
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    throw new IllegalArgumentException(
        "the page token " + uri + " has no page number \"" + p.pageParam() + "\"");
  }

  /** A parameter's value as text: an enum by its name, anything else by {@code toString}. */
  private static String text(String name, Object v) {
    if (v.getClass().isArray() || v instanceof Map<?, ?> || v instanceof Optional<?>) {
      throw new IllegalArgumentException(
          "query parameter \""
              + name
              + "\" is "
              + v.getClass().getSimpleName()
              + ": give a value (string, number, boolean, enum, or one whose toString is its text),"
              + " a collection of values (the name repeated), or an Optional of a value");
    }
    return v instanceof Enum<?> e ? e.name() : String.valueOf(v);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
