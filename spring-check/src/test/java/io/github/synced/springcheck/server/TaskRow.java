package io.github.synced.springcheck.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A task as the server keeps it: a generated {@code Long} id, a JPA version, a unique title. */
@Entity
public class TaskRow {
  @Id @GeneratedValue private Long id;
  @Version private Long version;

  @Column(unique = true, nullable = false)
  private String title;

  private boolean done;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public boolean isDone() {
    return done;
  }

  public void setDone(boolean done) {
    this.done = done;
  }
}
