package io.github.synced.springcheck.server;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.UUID;

/**
 * A tag as the server keeps it: the client's {@code UUID} id (never generated) and a JPA version.
 */
@Entity
public class TagRow {
  @Id private UUID id;
  @Version private Long version;
  private String label;

  public UUID getId() {
    return id;
  }

  public void setId(UUID id) {
    this.id = id;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
