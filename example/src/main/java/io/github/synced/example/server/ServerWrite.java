package io.github.synced.example.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write a {@link RestServer} applied, in the order it applied them: the server's log, for
 * checking what happened (each client write applied once, whatever the retries) and for timelines.
 * {@link TaskServer} shows the same log typed, as {@link AppliedWrite}s.
 *
 * @param sequence the server-wide write counter after this write (the version it produced, where
 *     the server has versions)
 * @param kind what the write did
 * @param id the entity's id, as its path segment ({@code t1}, {@code 7})
 * @param writer who wrote
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null} where it sent none or
 *     the writer was not the client
 * @param after the entity after the write, a copy the server never changes (and nobody else must);
 *     {@code null} for a delete
 */
public record ServerWrite(
    long sequence,
    AppliedWrite.Kind kind,
    String id,
    AppliedWrite.Writer writer,
    String idempotencyKey,
    ObjectNode after) {}
