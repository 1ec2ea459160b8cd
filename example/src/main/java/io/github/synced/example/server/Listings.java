package io.github.synced.example.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@link RestServer}'s answer to {@code GET} of the collection: every entity in creation order,
 * as a JSON array or pages of it, as the personality's {@link Personality.Listing} says.
 */
final class Listings {

  private final Personality personality;
  private final String path;
  private final EntityStore store;
  private final JsonAnswers json;
  private final Supplier<URI> uri;

  Listings(Personality personality, EntityStore store, JsonAnswers json, Supplier<URI> uri) {
    this.personality = personality;
    this.path = personality.path();
    this.store = store;
    this.json = json;
    this.uri = uri;
  }

  /** The listing that the raw query {@code query} (null where none) asks for. Under the lock. */
  Response list(String query) {
    return list(parameters(query));
  }

  private Response list(Map<String, String> query) {
    List<ObjectNode> all = store.all();
    return switch (personality.listing()) {
      case ARRAY -> json.json(200, json.array(all));
      case LINK_HEADER -> {
        List<ObjectNode> matching = matching(all, query);
        yield query.containsKey("_page")
            ? linkedPage(matching, query)
            : json.json(200, json.array(matching));
      }
      case PAGES -> {
        int page = number(query, "page", 0);
        int size = number(query, "size", personality.pageSize());
        ObjectNode wrapper = json.object();
        wrapper.set("items", json.array(slice(all, (long) page * size, size)));
        wrapper.put("page", page);
        wrapper.put("total", all.size());
        yield json.json(200, wrapper);
      }
      case CURSOR -> {
        long after = query.containsKey("after") ? number(query, "after", 0) : 0;
        int limit = number(query, "limit", personality.pageSize());
        List<ObjectNode> rest = new ArrayList<>();
        for (ObjectNode e : all) {
          if (store.born(EntityStore.id(e)) > after) {
            rest.add(e);
          }
        }
        List<ObjectNode> page = slice(rest, 0, limit);
        ObjectNode wrapper = json.object();
        wrapper.set("items", json.array(page));
        if (rest.size() > limit) {
          wrapper.put(
              "next", String.valueOf(store.born(EntityStore.id(page.get(page.size() - 1)))));
        } else {
          wrapper.putNull("next");
        }
        yield json.json(200, wrapper);
      }
    };
  }

  /**
   * json-server's field filters: the entities whose field named by each parameter other than {@code
   * _page} and {@code _limit} has that value as text ({@code done=false}).
   */
  private static List<ObjectNode> matching(List<ObjectNode> all, Map<String, String> query) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode e : all) {
      boolean match = true;
      for (Map.Entry<String, String> q : query.entrySet()) {
        if (!q.getKey().equals("_page") && !q.getKey().equals("_limit")) {
          match &= e.has(q.getKey()) && e.get(q.getKey()).asText().equals(q.getValue());
        }
      }
      if (match) {
        out.add(e);
      }
    }
    return out;
  }

  /** json-server's page: an array, with {@code X-Total-Count} and a {@code Link} header. */
  private Response linkedPage(List<ObjectNode> all, Map<String, String> query) {
    int page = Math.max(1, number(query, "_page", 1));
    int limit = number(query, "_limit", personality.pageSize());
    int last = Math.max(1, (all.size() + limit - 1) / limit);
    List<String> links = new ArrayList<>();
    String filters = filters(query);
    links.add(link(1, limit, filters, "first"));
    if (page > 1) {
      links.add(link(page - 1, limit, filters, "prev"));
    }
    if (page < last) {
      links.add(link(page + 1, limit, filters, "next"));
    }
    links.add(link(last, limit, filters, "last"));
    return json.json(200, json.array(slice(all, (long) (page - 1) * limit, limit)))
        .with("X-Total-Count", String.valueOf(all.size()))
        .with("Link", String.join(", ", links));
  }

  private String link(int page, int limit, String filters, String rel) {
    return "<"
        + uri.get()
        + path
        + "?"
        + filters
        + "_page="
        + page
        + "&_limit="
        + limit
        + ">; rel=\""
        + rel
        + "\"";
  }

  /** The field filters of {@code query}, encoded, each followed by {@code &}, names in order. */
  private static String filters(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<>(query)
        .forEach(
            (name, value) -> {
              if (!name.equals("_page") && !name.equals("_limit")) {
                out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .append('&');
              }
            });
    return out.toString();
  }

  private static List<ObjectNode> slice(List<ObjectNode> all, long from, int size) {
    if (from >= all.size() || size < 1) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + size));
  }

  /** The query's parameters, decoded; the first value of each. */
  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  /** A non-negative integer parameter, or {@code absent} where it is missing or not one. */
  private static int number(Map<String, String> query, String name, int absent) {
    String v = query.get(name);
    if (v == null || v.isEmpty() || v.length() > 9 || !v.chars().allMatch(Character::isDigit)) {
      return absent;
    }
    return Integer.parseInt(v);
  }
}
