package io.github.synced.runtime.http;

import io.github.synced.runtime.http.Dialect.ConflictBody;
import io.github.synced.runtime.http.Dialect.IdSource;
import io.github.synced.runtime.http.Dialect.IfMatch;
import io.github.synced.runtime.http.Dialect.Paging;
import io.github.synced.runtime.http.Dialect.VersionSource;

/**
 * The pieces of a {@link Dialect}, starting as {@link Dialect#plainJson()}'s: a {@link
 * Dialect.Builder} sets them, and each dialect keeps a copy of its own that nothing changes.
 */
final class DialectParts {
  Pointer items = Pointer.BODY;
  Paging paging = Paging.none();
  int maxPages = Dialect.DEFAULT_MAX_PAGES;
  Pointer total;
  String listQuery = "";
  IdSource idFrom = IdSource.body();
  boolean createdIdFromLocation = true;
  VersionSource versionFrom = VersionSource.BODY;
  IfMatch ifMatch = IfMatch.QUOTED;
  ConflictBody conflictBody = ConflictBody.ENTITY_IF_IDENTIFIED;
  boolean deduplicatesByKey = true;

  /** {@link Dialect#plainJson()}'s pieces. */
  DialectParts() {}

  /** A copy of {@code d}. */
  DialectParts(DialectParts d) {
    this.items = d.items;
    this.paging = d.paging;
    this.maxPages = d.maxPages;
    this.total = d.total;
    this.listQuery = d.listQuery;
    this.idFrom = d.idFrom;
    this.createdIdFromLocation = d.createdIdFromLocation;
    this.versionFrom = d.versionFrom;
    this.ifMatch = d.ifMatch;
    this.conflictBody = d.conflictBody;
    this.deduplicatesByKey = d.deduplicatesByKey;
  }

  @Override
  public String toString() {
    return "Dialect[items=\""
        + items
        + "\", paging="
        + paging
        + ", maxPages="
        + maxPages
        + (total == null ? "" : ", total=\"" + total + "\"")
        + (listQuery.isEmpty() ? "" : ", listQuery=\"" + listQuery + "\"")
        + ", idFrom="
        + idFrom
        + (createdIdFromLocation ? "" : ", createdIdFromLocation=false")
        + ", versionFrom="
        + versionFrom
        + ", ifMatch="
        + ifMatch
        + ", conflictBody="
        + conflictBody
        + ", deduplicatesByKey="
        + deduplicatesByKey
        + "]";
  }
}
