package io.github.synced.example.breakers3;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A JSON name given on the getter, as many Jackson users write it. */
@Synced
public class Getterish {
  @SyncId private String id;
  private String fullName;
  @SyncVersion private long version;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @JsonProperty("full_name")
  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
