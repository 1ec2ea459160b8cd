package io.github.synced.runtime.json;

/**
 * The limits of a mapper's {@code StreamReadConstraints} (Jackson 2's or 3's), as plain values.
 *
 * @param maxDocumentLength the longest document in bytes, or a value below 1 for no limit
 * @param countsTokens whether the constraints limit the number of tokens, which this reader leaves
 *     to Jackson
 */
record ReadLimits(
    long maxDocumentLength,
    boolean countsTokens,
    int maxStringLength,
    int maxNameLength,
    int maxNumberLength) {}
