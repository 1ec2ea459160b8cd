package golden;

import io.github.synced.LocalOnly;
import io.github.synced.Synced;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A subclass: the superclass's id and version first, then its own fields. */
@Synced
public class Invoice extends Entity {
  BigInteger amount;
  char currency;
  byte discount;
  short lines;
  float rate;
  Boolean paid;
  OffsetDateTime issuedAt;
  Duration terms;
  @LocalOnly String draftNote;
}
