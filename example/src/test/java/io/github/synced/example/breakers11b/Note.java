package io.github.synced.example.breakers11b;

import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.List;

/**
 * A json-server row: a numeric id the server assigns, no version, and a plain class without {@code
 * equals}/{@code hashCode}. From the second outside tester of issue 11.
 */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Note {
  @SyncId private Long id;
  private String text;
  private boolean done;
  private Kind kind;
  private List<String> tags;

  /** A note's kind: an enum parameter and field. */
  public enum Kind {
    WORK,
    HOME
  }

  public Note() {}

  public Note(Long id, String text, boolean done) {
    this.id = id;
    this.text = text;
    this.done = done;
    this.kind = Kind.WORK;
    this.tags = List.of();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public boolean isDone() {
    return done;
  }

  public void setDone(boolean done) {
    this.done = done;
  }

  public Kind getKind() {
    return kind;
  }

  public void setKind(Kind kind) {
    this.kind = kind;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  @Override
  public String toString() {
    return id + "(" + text + "," + (done ? "done" : "open") + ")";
  }
}
