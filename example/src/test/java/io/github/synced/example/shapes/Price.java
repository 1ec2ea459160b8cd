package io.github.synced.example.shapes;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A record used as a value of {@link Listing}: immutable, so shared between copies.
 *
 * @param amount how much
 * @param currency in what
 */
public record Price(BigDecimal amount, Currency currency) {}
