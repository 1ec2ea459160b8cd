package io.github.synced.example.breakers3;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.math.BigDecimal;
import java.util.UUID;

/** A Spring-Boot-4-like record with renamed components. */
@Synced
public record Invoice(
    @SyncId @JsonProperty("invoice_id") UUID id,
    @JsonProperty("total_amount") BigDecimal totalAmount,
    @SyncVersion @JsonProperty("row_version") Long rowVersion,
    String note) {}
