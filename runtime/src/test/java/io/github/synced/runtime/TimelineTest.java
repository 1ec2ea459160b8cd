package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The event log's timeline picture: well-formed SVG with one lane per entity, one bar per mutation
 * coloured by how it ended, marks for what came from elsewhere, and every text escaped.
 */
class TimelineTest {

  private static final String SVG = "http://www.w3.org/2000/svg";

  /** A parsed picture, with its lanes by entity id and its bars by mutation sequence. */
  private record Picture(Document doc, Map<String, Element> lanes, Map<Long, Element> bars) {

    static Picture of(String svg) throws Exception {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc =
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      assertEquals(SVG, doc.getDocumentElement().getNamespaceURI());
      assertEquals("svg", doc.getDocumentElement().getLocalName());
      Map<String, Element> lanes = new LinkedHashMap<>();
      for (Element g : elements(doc, "g")) {
        if (g.getAttribute("class").equals("lane")) {
          assertEquals(null, lanes.put(g.getAttribute("data-id"), g), "one lane per entity");
        }
      }
      Map<Long, Element> bars = new LinkedHashMap<>();
      for (Element r : elements(doc, "rect")) {
        if (r.getAttribute("class").startsWith("bar ")) {
          assertEquals(
              null,
              bars.put(Long.parseLong(r.getAttribute("data-mutation")), r),
              "one bar per mutation");
        }
      }
      return new Picture(doc, lanes, bars);
    }

    Element bar(Mutation<String, Card> m) {
      Element bar = bars.get(m.sequence());
      assertTrue(bar != null, "no bar for " + m);
      return bar;
    }

    List<String> marks(String laneId) {
      List<String> marks = new ArrayList<>();
      NodeList children = lanes.get(laneId).getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i) instanceof Element e && e.getAttribute("class").startsWith("mark ")) {
          marks.add(e.getAttribute("class").substring("mark ".length()));
        }
      }
      return marks;
    }
  }

  private static List<Element> elements(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(SVG, name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static String title(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element t && t.getLocalName().equals("title")) {
        return t.getTextContent();
      }
    }
    throw new AssertionError("no title in " + e.getLocalName());
  }

  @Test
  void drawsALanePerEntityAndABarPerMutationColouredByHowItEnded() throws Exception {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(3)));
    EventLog<String, Card> log = EventLog.attach(h.store);
    h.withCards("t1", "t2", "t3", "t4", "t5");

    Mutation<String, Card> confirmed = h.store.update("t1", CardPatch.empty().title("a"));
    h.clock.advance(Duration.ofMillis(40));
    h.server.next().succeed();

    Mutation<String, Card> rejected = h.store.update("t2", CardPatch.empty().title("b"));
    h.clock.advance(Duration.ofMillis(40));
    h.server.next().fail(SyncFailure.rejected(422, "too long"));

    Mutation<String, Card> retried = h.store.update("t3", CardPatch.empty().done(true));
    h.server.next().fail(SyncFailure.transientFailure(503, "busy", null, null));
    h.clock.advance(Duration.ofMillis(100));
    h.server.next().succeed();

    Mutation<String, Card> unknown = h.store.update("t4", CardPatch.empty().title("d"));
    h.server.next().applyAndDrop();
    h.clock.advance(Duration.ofMillis(100));
    h.server.next().succeed();

    Mutation<String, Card> conflicted = h.store.update("t5", CardPatch.empty().title("e"));
    h.server.edit("t5", c -> c.done = true);
    h.server.next().conflict();
    h.clock.advance(Duration.ofMillis(30));
    h.server.next().succeed();

    Mutation<String, Card> created = h.store.create(new Card(null, "new", false, 0));
    Mutation<String, Card> onDraft = h.store.update("tmp-1", CardPatch.empty().done(true));
    h.clock.advance(Duration.ofMillis(30));
    h.server.next().succeed();
    h.server.next().succeed();

    h.store.receive(h.server.edit("t2", c -> c.title = "theirs"));
    Mutation<String, Card> pending = h.store.update("t1", CardPatch.empty().title("later"));
    h.clock.advance(Duration.ofMillis(30));

    Picture p = Picture.of(log.timeline());

    assertEquals(List.of("t1", "t2", "t3", "t4", "t5", "srv-1"), List.copyOf(p.lanes().keySet()));
    assertEquals(8, p.bars().size());
    Map<Mutation<String, Card>, String> expected = new LinkedHashMap<>();
    expected.put(confirmed, "confirmed #2e7d32");
    expected.put(rejected, "rolled-back #c62828");
    expected.put(retried, "retried #f9a825");
    expected.put(unknown, "unknown-resolved #6a1b9a");
    expected.put(conflicted, "confirmed #2e7d32");
    expected.put(created, "confirmed #2e7d32");
    expected.put(onDraft, "confirmed #2e7d32");
    expected.put(pending, "unsettled #9e9e9e");
    expected.forEach(
        (m, colour) -> {
          Element bar = p.bar(m);
          assertEquals(
              colour,
              bar.getAttribute("class").substring("bar ".length()) + " " + bar.getAttribute("fill"),
              "bar of " + m);
        });
    for (Mutation<String, Card> m : List.of(confirmed, rejected, pending, onDraft)) {
      assertEquals(
          m.id(),
          ((Element) p.bar(m).getParentNode()).getAttribute("data-id"),
          "a bar lies on its entity's lane, even when made on the temporary id: " + m);
    }

    assertTrue(p.marks("t5").contains("conflict"), p.marks("t5").toString());
    assertTrue(p.marks("t5").contains("rebase"), p.marks("t5").toString());
    assertTrue(p.marks("t2").contains("external"), p.marks("t2").toString());
    assertTrue(p.marks("srv-1").contains("rekey"), p.marks("srv-1").toString());
    assertFalse(p.marks("t1").contains("rebase"));

    String hover = title(p.bar(rejected));
    assertTrue(
        hover.startsWith("#2 update t2: rolled back after 1 send (REJECTED 422: too long)"), hover);
    assertTrue(hover.contains("#2 update QUEUED → SENDING  (sent)"), hover);
    assertTrue(hover.contains("ROLLBACK by #2"), hover);
    assertTrue(title(p.bar(retried)).contains("SENDING → RETRYING"));
    assertTrue(title(p.doc().getDocumentElement()).contains("8 mutations on 6 entities"));
  }

  @Test
  void hostileIdsTitlesAndMessagesAreEscaped() throws Exception {
    String id = "<script>alert('&')</script>\"\u0001";
    String text = "]]></title><x a=\"1\">\r\n\t\uD800 ok \uD83D\uDE00";
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(1)));
    EventLog<String, Card> log = EventLog.attach(h.store);
    h.server.put(id, text, false);
    h.store.load(h.server.all());
    Mutation<String, Card> m = h.store.update(id, CardPatch.empty().title(text + "!"));
    h.server.next().fail(SyncFailure.rejected(400, text));

    Picture p = Picture.of(log.timeline());

    String shown = "<script>alert('&')</script>\"\uFFFD";
    assertEquals(List.of(shown), List.copyOf(p.lanes().keySet()));
    String hover = title(p.bar(m));
    assertTrue(
        hover.contains("]]></title><x a=\"1\">\r\n\t\uFFFD ok \uD83D\uDE00"),
        "markup, line ends and tabs survive; an unpaired surrogate does not: " + hover);
    assertTrue(hover.contains("title: \"]]></title>"), hover);
    assertEquals(1, p.bars().size());
  }

  @Test
  void escapeWritesOnlyWhatXmlAllows() {
    assertEquals(
        "a&lt;b&gt;&amp;&quot;&apos;&#10;&#13;&#9;\uFFFD\uFFFD\uFFFD\uD83D\uDE00\uFFFD",
        Svg.escape("a<b>&\"'\n\r\t\u0000\u001F\uFFFE\uD83D\uDE00\uDC00"));
  }

  @Test
  void anEmptyLogIsAnEmptyPicture() throws Exception {
    Harness h = new Harness();
    Picture p = Picture.of(EventLog.attach(h.store).timeline());
    assertTrue(p.lanes().isEmpty());
    assertTrue(p.bars().isEmpty());
  }
}
