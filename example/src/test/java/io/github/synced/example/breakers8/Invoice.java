package io.github.synced.example.breakers8;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/**
 * A Stripe-ish invoice as an immutable record with a {@code long} id and a local-only component;
 * its compact constructor refuses a negative amount. From the outside tester of issue 8.
 */
@Synced
public record Invoice(
    @SyncId long id,
    String customer,
    long amountCents,
    String status,
    @SyncVersion long version,
    @LocalOnly boolean selected) {
  public Invoice {
    if (amountCents < 0) throw new IllegalArgumentException("amountCents must be >= 0");
  }
}
