package io.github.synced.runtime.http;

import io.github.synced.runtime.http.Dialect.Paging;

/** The {@link Paging} kinds of a {@link Dialect}; see the factories there. */
final class Pages {
  private Pages() {}

  enum None implements Paging {
    INSTANCE;

    @Override
    public String toString() {
      return "Paging.none()";
    }
  }

  record NextLink(Pointer pointer) implements Paging {
    @Override
    public String toString() {
      return "Paging.nextLink(\"" + pointer + "\")";
    }
  }

  enum LinkHeader implements Paging {
    INSTANCE;

    @Override
    public String toString() {
      return "Paging.linkHeader()";
    }
  }

  record Numbers(String pageParam, String sizeParam, int size, int first) implements Paging {
    @Override
    public String toString() {
      return "Paging.pageNumbers(\""
          + pageParam
          + "\", \""
          + sizeParam
          + "\", "
          + size
          + ", "
          + first
          + ")";
    }
  }

  record Cursor(String param, Pointer pointer) implements Paging {
    @Override
    public String toString() {
      return "Paging.cursor(\"" + param + "\", \"" + pointer + "\")";
    }
  }
}
