package golden;

import java.math.BigDecimal;
import java.util.Currency;

/** A record used as a value, with a record nested in it. */
public record Money(BigDecimal amount, Currency currency, Rate rate) {

  /** A record nested in a record. */
  public record Rate(double value, boolean fixed) {}
}
