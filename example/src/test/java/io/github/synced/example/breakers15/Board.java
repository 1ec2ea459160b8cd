package io.github.synced.example.breakers15;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A board with a nested owner, a list of cards and a map of lanes. */
@Synced
public class Board {
  @SyncId String id;
  String title;
  Person owner;
  List<Card> cards = new ArrayList<>();
  Map<String, Card> lanes = new LinkedHashMap<>();
  @SyncVersion long version;
  @LocalOnly boolean expanded;

  public Board() {}

  Card card(String cid) {
    for (Card c : cards) {
      if (c != null && cid.equals(c.id)) {
        return c;
      }
    }
    return null;
  }

  Card laneById(String cid) {
    for (Card c : lanes.values()) {
      if (c != null && cid.equals(c.id)) {
        return c;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Board{id="
        + id
        + ", title="
        + title
        + ", v="
        + version
        + ", owner="
        + owner
        + ", cards="
        + cards
        + ", lanes="
        + lanes
        + ", expanded="
        + expanded
        + "}";
  }
}
