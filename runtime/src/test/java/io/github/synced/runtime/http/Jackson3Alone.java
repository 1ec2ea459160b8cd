package io.github.synced.runtime.http;

import static io.github.synced.runtime.http.LoopbackServer.respond;

import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.Note;
import io.github.synced.runtime.json.NotePatch;
import io.github.synced.runtime.json.PlainNoteJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What {@link Jackson3AloneTest} runs in a class loader that has the runtime and Jackson 3 but no
 * Jackson 2: a codec through {@link Json3Codecs}, and an {@link HttpRemote} built without a mapper
 * that reads, lists and writes. It uses no test library (there is none in that loader) and reports
 * what it saw as lines.
 */
public final class Jackson3Alone implements Callable<List<String>> {

  @Override
  public List<String> call() throws Exception {
    List<String> seen = new ArrayList<>();
    try {
      Class.forName("com.fasterxml.jackson.core.JsonParser");
      seen.add("Jackson 2 is there");
    } catch (ClassNotFoundException expected) {
      seen.add("no Jackson 2");
    }
    PlainNoteJson codec = new PlainNoteJson();
    tools.jackson.databind.ObjectMapper mapper = new tools.jackson.databind.ObjectMapper();
    byte[] written = Json3Codecs.writeEntity(mapper, codec, new Note("n1", "été", null, 7));
    seen.add("written " + new String(written, StandardCharsets.UTF_8));
    seen.add("read " + Json3Codecs.readEntity(mapper, codec, written, null));
    try (LoopbackServer server = new LoopbackServer()) {
      HttpRemote<String, Note> remote =
          HttpRemote.<String, Note>builder(server.uri(), "/notes", codec)
              .requestTimeout(Duration.ofSeconds(10))
              .build();
      server.answer(
          respond(200, "{\"id\":\"n1\",\"text\":\"server\",\"priority\":2,\"version\":7}"));
      seen.add(
          "fetched " + remote.fetch("n1").toCompletableFuture().get(10, TimeUnit.SECONDS).get());
      server.answer(respond(200, "[{\"id\":\"n1\",\"version\":7},{\"id\":\"n2\",\"version\":1}]"));
      List<Reply<Note>> list = remote.list().toCompletableFuture().get(10, TimeUnit.SECONDS);
      seen.add("listed " + list.size());
      server.answer(respond(200, "{\"id\":\"n1\",\"text\":\"mine\",\"priority\":2,\"version\":8}"));
      Write<String, Note> update =
          new Write<>(
              Write.Kind.UPDATE, "n1", null, NotePatch.empty().text("mine"), 7L, "key-1", 1);
      Reply<Note> reply = remote.send(update).toCompletableFuture().get(10, TimeUnit.SECONDS);
      seen.add("sent " + server.next().body());
      seen.add("confirmed " + reply.entity().orElseThrow());
    }
    return seen;
  }
}
